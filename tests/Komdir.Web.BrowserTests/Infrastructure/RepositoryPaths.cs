namespace Komdir.Web.BrowserTests.Infrastructure;

/// <summary>Paths inside the repository, found by walking up from the test's output folder to Komdir.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ContentFolder => Path.Combine(Root, "content");

    public static string BrowserTestsFolder => Path.Combine(Root, "tests", "Komdir.Web.BrowserTests");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Komdir.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (Komdir.sln) above " + AppContext.BaseDirectory);
    }
}
