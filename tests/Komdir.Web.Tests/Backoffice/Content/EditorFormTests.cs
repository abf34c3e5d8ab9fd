using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;
using Komdir.Web.Backoffice.Content;

namespace Komdir.Web.Tests.Backoffice.Content;

public sealed class EditorFormTests
{
    private static readonly DocumentType Type = new("sample", "Prøve", c => new GenericModel(c))
    {
        Properties =
        [
            new("title", "Overskrift", PropertyEditor.Text),
            new("year", "År", PropertyEditor.Number),
            new("date", "Dato", PropertyEditor.Date),
            new("points", "Punkter", PropertyEditor.TextList),
        ],
    };

    [Fact]
    public void Values_are_shown_as_input_text_and_converted_back()
    {
        var form = new EditorForm(Type, "Navn", "navn", new Dictionary<string, object?>
        {
            ["title"] = "Velfærd",
            ["year"] = 2025,
            ["date"] = new DateOnly(2025, 3, 1),
            ["points"] = new List<string> { "Første", "Anden" },
        });

        Assert.Equal("2025", form.Get("year"));
        Assert.Equal("2025-03-01", form.Get("date"));
        Assert.Equal("Første\nAnden", form.Get("points"));
        Assert.True(form.TryBuildValues(out var values, out var errors));
        Assert.Empty(errors);
        Assert.Equal(2025, values["year"]);
        Assert.Equal(new DateOnly(2025, 3, 1), values["date"]);
        Assert.Equal(["Første", "Anden"], (IEnumerable<string>)values["points"]!);
    }

    [Fact]
    public void Input_that_does_not_fit_is_kept_and_reported_in_Danish()
    {
        var form = new EditorForm(Type, "Navn", "navn", new Dictionary<string, object?>());
        form.Set("year", "tyve");
        form.Set("date", "1. marts");

        Assert.False(form.TryBuildValues(out _, out var errors));

        Assert.Equal(["year", "date"], errors.Select(e => e.Field));
        Assert.Contains("er ikke et helt tal", errors[0].Message);
        Assert.Contains("er ikke en dato", errors[1].Message);
        Assert.Equal("tyve", form.Get("year"));
    }

    [Fact]
    public void Dirty_until_saved()
    {
        var form = new EditorForm(Type, "Navn", "navn", new Dictionary<string, object?>());
        Assert.False(form.IsDirty);

        form.Set("title", "Ny");
        Assert.True(form.IsDirty);

        form.MarkSaved();
        Assert.False(form.IsDirty);
    }
}
