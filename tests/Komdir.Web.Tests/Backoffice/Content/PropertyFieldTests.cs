using Bunit;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Rendering;
using Komdir.Web.Backoffice.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Backoffice.Content;

public sealed class PropertyFieldTests : BunitContext
{
    public PropertyFieldTests() => Services.AddSingleton<MarkdownRenderer>();

    [Fact]
    public void Markdown_preview_is_rendered_exactly_as_the_public_page_renders_it()
    {
        const string markdown = "## Formål\n\nKOMDIR er et **forum** <script>x</script>";
        var cut = Render<PropertyField>(p => p
            .Add(c => c.Property, new PropertyType("body", "Brødtekst", PropertyEditor.Markdown))
            .Add(c => c.Value, markdown));

        var preview = cut.Find(".markdown-editor__preview .prose");
        Assert.Equal(new MarkdownRenderer().ToHtml(markdown).Trim(), preview.InnerHtml.Trim());
        Assert.Empty(cut.FindAll(".markdown-editor__preview script"));
    }

    [Fact]
    public void A_markdown_field_has_a_labelled_toolbar_of_real_buttons_and_formatting_help()
    {
        var cut = Render<PropertyField>(p => p
            .Add(c => c.Property, new PropertyType("body", "Brødtekst", PropertyEditor.Markdown) { Help = "Sidens tekst." })
            .Add(c => c.Value, ""));

        var toolbar = cut.Find("[role=toolbar]");
        Assert.Equal("Formatering af Brødtekst", toolbar.GetAttribute("aria-label"));
        Assert.Equal("prop-body", toolbar.GetAttribute("aria-controls"));
        var buttons = toolbar.QuerySelectorAll("button");
        Assert.Equal(["Fed", "Overskrift", "Punktliste", "Link", "Billede"], buttons.Select(b => b.TextContent.Trim()));
        Assert.All(buttons, b => Assert.Equal("button", b.GetAttribute("type")));
        Assert.Equal("Control+B", toolbar.QuerySelector("[data-markdown=bold]")!.GetAttribute("aria-keyshortcuts"));
        Assert.Equal("Control+K", toolbar.QuerySelector("[data-markdown=link]")!.GetAttribute("aria-keyshortcuts"));

        var textarea = cut.Find("textarea#prop-body");
        Assert.True(textarea.HasAttribute("data-markdown-field"));
        Assert.Equal("prop-body-help prop-body-shortcuts", textarea.GetAttribute("aria-describedby"));
        Assert.Contains("Ctrl+B", cut.Find("#prop-body-shortcuts").TextContent);
        Assert.Equal("Formateringshjælp", cut.Find("details.markdown-help summary").TextContent);
        Assert.Contains("**vigtigt**", cut.Find("details.markdown-help").TextContent);
    }

    [Fact]
    public void A_plain_text_area_has_no_markdown_toolbar()
    {
        var cut = Render<PropertyField>(p => p
            .Add(c => c.Property, new PropertyType("summary", "Resumé", PropertyEditor.MultilineText))
            .Add(c => c.Value, ""));

        Assert.Empty(cut.FindAll("[role=toolbar]"));
        Assert.Empty(cut.FindAll("details.markdown-help"));
    }

    [Fact]
    public void Typing_reports_the_new_text()
    {
        string? reported = null;
        var cut = Render<PropertyField>(p => p
            .Add(c => c.Property, new PropertyType("title", "Overskrift", PropertyEditor.Text) { Required = true })
            .Add(c => c.Value, "")
            .Add(c => c.ValueChanged, (string v) => reported = v));

        cut.Find("input").Input("Civilsamfund");

        Assert.Equal("Civilsamfund", reported);
        Assert.Contains("skal udfyldes", cut.Find("label").TextContent);
    }

    [Fact]
    public void An_error_is_announced_with_the_input()
    {
        var cut = Render<PropertyField>(p => p
            .Add(c => c.Property, new PropertyType("year", "År", PropertyEditor.Number) { Help = "Fx 2027." })
            .Add(c => c.Value, "tyve")
            .Add(c => c.Error, "År: 'tyve' er ikke et helt tal."));

        var input = cut.Find("input");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("prop-year-help prop-year-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("År: 'tyve' er ikke et helt tal.", cut.Find("#prop-year-error").TextContent);
    }

    [Fact]
    public void A_list_is_edited_one_item_per_line()
    {
        var cut = Render<PropertyField>(p => p
            .Add(c => c.Property, new PropertyType("curiousAbout", "Spørgsmål", PropertyEditor.TextList))
            .Add(c => c.Value, "Hvordan?\nHvorfor?"));

        // Bound as the element's value (not child text), so a rebuilt form always shows what it holds.
        Assert.Equal("Hvordan?\nHvorfor?", cut.Find("textarea").GetAttribute("value"));
        Assert.Contains("Ét punkt pr. linje", cut.Markup);
    }
}
