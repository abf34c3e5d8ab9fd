namespace Komdir.Web.Features.Search;

/// <summary>Settings of the site search, bound from the "Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The folder of the Lucene index; a relative path is taken from the host's content root.</summary>
    public string IndexPath { get; set; } = "App_Data/search-index";
}
