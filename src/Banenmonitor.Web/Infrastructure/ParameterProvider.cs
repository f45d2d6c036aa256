using Banenmonitor.Data;
using Banenmonitor.Data.Model;
using Banenmonitor.Rules.Parameters;
using Microsoft.EntityFrameworkCore;

namespace Banenmonitor.Web.Infrastructure;

/// <summary>The parameters in force: the embedded files plus the values administrators supplied (with source).</summary>
public sealed class ParameterProvider(IServiceScopeFactory scopes)
{
    private ParameterSet? _current;
    private readonly Lock _lock = new();

    public ParameterSet Current
    {
        get
        {
            var c = _current;
            if (c is not null) return c;
            lock (_lock)
            {
                if (_current is not null) return _current;
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<BanenmonitorDbContext>();
                _current = Apply(ParameterSet.Embedded, db.ParameterOverrides.AsNoTracking().OrderBy(o => o.Id).ToList());
                return _current;
            }
        }
    }

    public static ParameterSet Apply(ParameterSet set, IEnumerable<ParameterOverride> overrides)
    {
        foreach (var o in overrides)
        {
            ParameterStatusText.TryParse(o.Status, out var status);
            set = set.WithOverride(new ParameterValue(o.Name, o.ValidFrom, o.Value, status, o.Source,
                set.Definition(o.Name).Unit, $"opgegeven door {o.CreatedBy} op {o.CreatedAt:yyyy-MM-dd}"));
        }
        return set;
    }

    public void Invalidate() { lock (_lock) _current = null; }
}
