using Banenmonitor.Rules.Published;

namespace Banenmonitor.Rules.Tests;

public class PublishedDataTests
{
    [Fact]
    public void The_embedded_copy_and_the_repository_folder_hold_the_same_figures()
    {
        var folder = PublishedData.TryFind();
        Assert.NotNull(folder);
        Assert.Null(PublishedData.Embedded.Folder);
        var (a, b) = (PublishedData.Embedded, folder);
        Assert.NotEmpty(a.SectorFigures.Figures);
        Assert.Equal(b.SectorFigures.Figures.Count, a.SectorFigures.Figures.Count);
        Assert.Equal(b.SectorFigures.Documents.Select(d => d.Code), a.SectorFigures.Documents.Select(d => d.Code));
        Assert.Equal(b.National.Rows.Count, a.National.Rows.Count);
        Assert.Equal(b.Read(PublishedData.SectorsFile), a.Read(PublishedData.SectorsFile));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var empty = Directory.CreateTempSubdirectory("gepubliceerd");
        try
        {
            var data = PublishedData.FromFolder(empty.FullName);
            Assert.Null(data.TryRead(PublishedData.NationalFile));
            var e = Assert.Throws<FileNotFoundException>(() => data.National);
            Assert.Equal($"Invoerbestand '{Path.Combine(empty.FullName, PublishedData.NationalFile)}' bestaat niet.", e.Message);
            Assert.Null(PublishedData.Embedded.TryRead("bestaat-niet.csv"));
            Assert.Contains("Ingebouwd bestand bestaat-niet.csv ontbreekt", Assert.Throws<InvalidOperationException>(() => PublishedData.Embedded.Read("bestaat-niet.csv")).Message);
        }
        finally { empty.Delete(true); }
    }
}
