namespace Komdir.Web.BrowserTests.Infrastructure;

/// <summary>The pinned axe-core (package.json + package-lock.json beside this project, installed by <c>npm ci</c>).</summary>
public static class AxeCore
{
    /// <summary>The tags of WCAG 2.0 and 2.1, levels A and AA: the level the site promises.</summary>
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Script = new(Load);

    public static string Source => Script.Value;

    private static string Load()
    {
        // The build copies the file next to the test assembly; fall back to the source folder's node_modules.
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "axe.min.js"),
            Path.Combine(RepositoryPaths.BrowserTestsFolder, "node_modules", "axe-core", "axe.min.js"),
        ];
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "axe-core is not installed. Run `npm ci` in tests/Komdir.Web.BrowserTests (needs node and npm), " +
                "or `bash .ci/run`, which does it. Looked in: " + string.Join(", ", candidates));
        return File.ReadAllText(found);
    }
}
