namespace Komdir.Cms.ContentTypes;

/// <summary>The kind of value a property holds, and so which editor the backoffice shows for it.</summary>
public enum PropertyEditor
{
    /// <summary>One line of plain text.</summary>
    Text,
    /// <summary>Several lines of plain text, no markup.</summary>
    MultilineText,
    /// <summary>Markdown (CommonMark, raw HTML never rendered).</summary>
    Markdown,
    /// <summary>An ordered list of one-line texts.</summary>
    TextList,
    /// <summary>A whole number.</summary>
    Number,
    /// <summary>A calendar date (no time of day).</summary>
    Date,
    /// <summary>A reference to a media item by its key.</summary>
    Media,
    /// <summary>A reference to another content node by its key.</summary>
    ContentLink,
    /// <summary>Yes or no.</summary>
    Toggle,
}
