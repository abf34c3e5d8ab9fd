namespace Komdir.Web.Features.Search;

/// <summary>Settings of the site search, bound from the "Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// The folder of the Lucene index; a relative path is taken from the host's content root. Unset, it follows the
    /// database (<see cref="Komdir.Cms.DataLocations.DefaultSearchIndexFolder"/>), so two sites on different
    /// databases never share an index.
    /// </summary>
    public string? IndexPath { get; set; }
}
