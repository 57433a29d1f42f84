using System.Globalization;
using System.Xml.Linq;

namespace CaseCompliance.EndToEnd.Tests.Infrastructure;

/// <summary>The end-to-end tests share one packed package and run one after another (they all run `dotnet`).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackedPackageFixture>
{
    public const string Name = "End to end";
}

/// <summary>
/// Packs the CaseCompliance package once per test run, with a version no one else uses, into a feed in a temp folder.
/// The samples restore it into their own package folder, so test versions never reach the user's global NuGet cache.
/// The build of the package itself goes to the temp folder too (artifacts path), leaving the work tree's bin/obj alone.
/// Set CASECOMPLIANCE_E2E_KEEP=1 to keep the temp folder for inspection.
/// </summary>
public sealed class PackedPackageFixture : IAsyncLifetime
{
    public PackedPackageFixture()
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Version = $"{BaseVersion()}-e2e.{stamp}.{Environment.ProcessId}";
        WorkRoot = Path.Combine(Path.GetTempPath(), $"casecompliance-e2e-{stamp}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(WorkRoot);
    }

    /// <summary>The package version packed for this run, e.g. <c>0.1.0-e2e.20250101120000.4242</c>.</summary>
    public string Version { get; }

    /// <summary>The temp folder that holds everything this run writes.</summary>
    public string WorkRoot { get; }

    public string FeedDirectory => Path.Combine(WorkRoot, "feed");

    /// <summary>The NuGet package folder the samples restore into (NUGET_PACKAGES), isolated from the user's.</summary>
    public string PackagesDirectory => Path.Combine(WorkRoot, "packages");

    public string PackagePath => Path.Combine(FeedDirectory, $"CaseCompliance.{Version}.nupkg");

    /// <summary>The result of <c>dotnet pack</c>, for messages.</summary>
    public CommandResult? Pack { get; private set; }

    /// <summary>Environment for commands that restore or load the sample: the isolated package folder.</summary>
    public IReadOnlyDictionary<string, string> SampleEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    public async Task InitializeAsync()
    {
        Pack = await DotNetCli.RunAsync(RepositoryLayout.Root,
        [
            "pack", RepositoryLayout.PackageProject,
            "-c", "Release",
            $"-p:Version={Version}",
            $"-p:PackageOutputPath={FeedDirectory}{Path.DirectorySeparatorChar}",
            "--artifacts-path", Path.Combine(WorkRoot, "artifacts"),
            "-nodeReuse:false",
            "-tl:off",
        ]);

        if (Pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing CaseCompliance {Version} failed; expected {PackagePath}.{Environment.NewLine}{Pack.Describe()}");
        }
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("CASECOMPLIANCE_E2E_KEEP") != "1")
        {
            try
            {
                Directory.Delete(WorkRoot, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS eventually.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    private static string BaseVersion()
    {
        var version = XDocument.Load(RepositoryLayout.VersionProps).Descendants("CaseComplianceVersion").FirstOrDefault()?.Value.Trim();
        if (string.IsNullOrEmpty(version))
        {
            throw new InvalidOperationException($"No CaseComplianceVersion in {RepositoryLayout.VersionProps}.");
        }

        // Only the numeric core: the run adds its own prerelease label.
        return version.Split('-', '+')[0];
    }
}
