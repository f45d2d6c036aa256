using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Banenmonitor.Data.Model;

/// <summary>Table <c>ComputationRecords</c>: one row per distinct (kind, employer, year, inputs, parameters).</summary>
public sealed class ComputationRecordConfiguration : IEntityTypeConfiguration<ComputationRecord>
{
    public void Configure(EntityTypeBuilder<ComputationRecord> e)
    {
        e.ToTable("ComputationRecords");
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.InputsFingerprint).HasMaxLength(64);
        e.Property(x => x.ParametersFingerprint).HasMaxLength(64);
        e.Property(x => x.SoftwareVersion).HasMaxLength(100);
        e.Property(x => x.ComputedBy).HasMaxLength(200);
        e.Property(x => x.ComputedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        e.HasIndex(x => new { x.Kind, x.EmployerId, x.Year, x.InputsFingerprint, x.ParametersFingerprint }).IsUnique();
        e.HasOne(x => x.Employer).WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
    }
}
