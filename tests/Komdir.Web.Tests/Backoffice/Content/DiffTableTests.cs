using Bunit;
using Komdir.Web.Backoffice.Content;

namespace Komdir.Web.Tests.Backoffice.Content;

public sealed class DiffTableTests : BunitContext
{
    [Fact]
    public void Removed_and_added_words_are_marked_with_del_and_ins()
    {
        var rows = new[] { DiffTable.TextRow("title", "Overskrift", "Styrke det lokale demokrati", "Styrke det nære demokrati") };

        var cut = Render<DiffTable>(p => p.Add(c => c.Rows, rows));

        Assert.Equal("Overskrift", cut.Find("dt").TextContent);
        Assert.Equal("lokale", cut.Find("del").TextContent);
        Assert.Equal("nære", cut.Find("ins").TextContent);
    }

    [Fact]
    public void Unchanged_fields_are_not_rows()
    {
        var row = DiffTable.TextRow("name", "Navn", "Civilsamfund", "Civilsamfund");

        Assert.False(row.IsChanged);
        var cut = Render<DiffTable>(p => p.Add(c => c.Rows, Array.Empty<Komdir.Cms.Versions.PropertyDifference>()));
        Assert.Contains("Ingen forskelle", cut.Markup);
    }
}
