namespace ResearchPortal.Web.Tests.Web;

/// <summary>Where the repository's own files (sources, ops scripts) are, seen from a test's build folder.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ResearchPortal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ResearchPortal.sln not found above the test's folder.");
    }
}
