namespace CaseCompliance.EndToEnd.Tests.Infrastructure;

/// <summary>Where things are in the repository the tests run from.</summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>Analyzers.sln</c>, found by walking up from the test binaries.</summary>
    public static string Root => LazyRoot.Value;

    public static string PackageProject => Path.Combine(Root, "src", "CaseCompliance.Package", "CaseCompliance.Package.csproj");

    public static string Samples => Path.Combine(Root, "samples");

    public static string VersionProps => Path.Combine(Root, "eng", "Version.props");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Analyzers.sln in {AppContext.BaseDirectory} or any folder above it.");
    }
}
