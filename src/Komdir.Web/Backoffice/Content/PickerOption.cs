namespace Komdir.Web.Backoffice.Content;

/// <summary>One choice in a media or content-link picker.</summary>
public sealed record PickerOption(Guid Key, string Label);
