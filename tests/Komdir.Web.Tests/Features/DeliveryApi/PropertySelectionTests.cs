using Komdir.Web.Features.DeliveryApi;

namespace Komdir.Web.Tests.Features.DeliveryApi;

public sealed class PropertySelectionTests
{
    [Fact]
    public void Nested_selections_are_read_at_every_depth()
    {
        var (selection, error) = PropertySelection.Parse("properties[content[properties[link[properties[title]],$all]],intro]", PropertySelection.None, "expand", allowV1: false);

        Assert.Null(error);
        Assert.False(selection!.All);
        Assert.True(selection.Includes("content") && selection.Includes("intro") && !selection.Includes("other"));
        var content = selection.Nested("content")!;
        Assert.True(content.All);
        Assert.Equal(["title"], new[] { "title", "body" }.Where(content.Nested("link")!.Includes).ToArray());
        Assert.Null(selection.Nested("intro"));
    }

    [Fact]
    public void Repeated_values_are_merged()
    {
        var (selection, _) = PropertySelection.Parse(new(["properties[a[properties[x]]]", "properties[a[properties[y]],b]"]), PropertySelection.None, "expand", allowV1: false);

        Assert.True(selection!.Includes("a") && selection.Includes("b"));
        Assert.True(selection.Nested("a")!.Includes("x") && selection.Nested("a")!.Includes("y"));
    }

    [Theory]
    [InlineData("properties[")]
    [InlineData("properties[a")]
    [InlineData("properties[a[properties[b]]")]
    [InlineData("properties[a]]")]
    [InlineData("properties[a-b]")]
    [InlineData("props[a]")]
    public void Malformed_values_are_refused_in_Danish(string value)
    {
        var (selection, error) = PropertySelection.Parse(value, PropertySelection.None, "expand", allowV1: true);

        Assert.Null(selection);
        Assert.Contains("Ugyldig expand-værdi", error);
    }

    [Fact]
    public void An_empty_value_gives_the_default()
    {
        Assert.Same(PropertySelection.Everything, PropertySelection.Parse("", PropertySelection.Everything, "fields", allowV1: false).Selection);
    }
}
