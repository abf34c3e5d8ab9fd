using Bunit;
using Komdir.Web.Backoffice.Content;

namespace Komdir.Web.Tests.Backoffice.Content;

public sealed class DiffTableTests : BunitContext
{
    [Fact]
    public void Removed_and_added_words_are_marked_with_del_and_ins()
    {
        var rows = new[] { DiffRow.Create("Overskrift", "Styrke det lokale demokrati", "Styrke det nære demokrati") };

        var cut = Render<DiffTable>(p => p.Add(c => c.Rows, rows));

        Assert.Equal("Overskrift", cut.Find("dt").TextContent);
        Assert.Equal("lokale", cut.Find("del").TextContent);
        Assert.Equal("nære", cut.Find("ins").TextContent);
    }

    [Fact]
    public void Unchanged_fields_are_not_rows()
    {
        var row = DiffRow.Create("Navn", "Civilsamfund", "Civilsamfund");

        Assert.False(row.Changed);
        var cut = Render<DiffTable>(p => p.Add(c => c.Rows, Array.Empty<DiffRow>()));
        Assert.Contains("Ingen forskelle", cut.Markup);
    }
}
