using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Benchmark;

// Usage: dotnet run -c Release --project benchmarks/CaseCompliance.Benchmark [files] [repeats] [--unused-rules=N]
// --unused-rules=N adds a rules file with N custom rules whose roles occur nowhere in the corpus (their cost should be nil).
var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var files = positional.Length > 0 ? int.Parse(positional[0]) : 200;
var repeats = positional.Length > 1 ? int.Parse(positional[1]) : 3;
var unusedRules = args.Where(a => a.StartsWith("--unused-rules=", StringComparison.Ordinal)).Select(a => int.Parse(a["--unused-rules=".Length..])).FirstOrDefault();
var additionalFiles = unusedRules > 0
    ? ImmutableArray.Create<AdditionalText>(new InMemoryText("/corpus/casecompliance.json", UnusedRules.File(unusedRules)))
    : ImmutableArray<AdditionalText>.Empty;

var trees = Corpus.Files(files)
    .Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.CSharp12), f.Path))
    .ToImmutableArray();
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
    .Select(p => MetadataReference.CreateFromFile(p))
    .Append(MetadataReference.CreateFromFile(typeof(CaseCompliance.PersonalDataAttribute).Assembly.Location))
    .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
    .ToImmutableArray();
var lines = trees.Sum(t => t.GetText().Lines.Count);

Compilation NewCompilation() => CSharpCompilation.Create("Corpus", trees, references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

var errors = NewCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
if (errors.Count > 0)
{
    Console.Error.WriteLine($"The corpus does not compile: {errors.Count} errors, first: {errors[0]}");
    return 2;
}

// The compilation's own time: binding every method body, single-threaded, median of the repeats.
var compileMs = Median(Enumerable.Range(0, repeats + 1).Select(run =>
{
    var c = NewCompilation();
    var watch = Stopwatch.StartNew();
    _ = c.GetDiagnostics();
    return watch.Elapsed.TotalMilliseconds;
}).Skip(1));

var sets = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)>
{
    ("CaseCompliance", LoadFrom(typeof(CaseCompliance.Analyzers.CaseRules).Assembly)),
};
var compared = Path.Combine(AppContext.BaseDirectory, "compared");
if (Directory.Exists(compared))
{
    foreach (var folder in Directory.GetDirectories(compared).OrderBy(f => f, StringComparer.Ordinal))
    {
        var loader = new Loader();
        var analyzers = Directory.GetFiles(folder, "*.dll")
            .SelectMany(path => new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
        sets.Add((Path.GetFileName(folder), analyzers));
    }
}

Console.WriteLine($"Corpus: {files} files, {lines:N0} lines. Compilation (bind all, single-threaded): {compileMs:F0} ms, median of {repeats}."
    + (unusedRules > 0 ? $" With a rules file of {unusedRules} custom rules whose roles occur nowhere." : string.Empty));
Console.WriteLine();
Console.WriteLine("| analyzers | count | analyzer time (ms) | ratio to compilation | findings |");
Console.WriteLine("|---|---:|---:|---:|---:|");
var breakdown = new Dictionary<string, List<double>>();
foreach (var (name, analyzers) in sets)
{
    var times = new List<double>();
    var findings = 0;
    for (var r = 0; r < repeats + 1; r++)
    {
        var withAnalyzers = NewCompilation().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var total = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            var time = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
            total += time;
            if (name == "CaseCompliance" && r > 0)
            {
                var key = analyzer.GetType().Name;
                (breakdown.TryGetValue(key, out var list) ? list : breakdown[key] = new List<double>()).Add(time.TotalMilliseconds);
            }
        }

        if (r > 0)
        {
            times.Add(total.TotalMilliseconds);
        }

        findings = diagnostics.Count(d => d.Id.StartsWith("CASE", StringComparison.Ordinal) || name != "CaseCompliance");
        if (diagnostics.Any(d => d.Id == "AD0001"))
        {
            Console.Error.WriteLine($"{name}: an analyzer threw (AD0001)");
        }
    }

    var ms = Median(times);
    Console.WriteLine($"| {name} | {analyzers.Length} | {ms:F0} | {ms / compileMs:P1} | {findings} |");
}

Console.WriteLine();
Console.WriteLine("| CaseCompliance analyzer | time (ms) | ratio to compilation |");
Console.WriteLine("|---|---:|---:|");
foreach (var (analyzer, values) in breakdown.OrderByDescending(b => Median(b.Value)))
{
    Console.WriteLine($"| {analyzer} | {Median(values):F0} | {Median(values) / compileMs:P1} |");
}

return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
}

static ImmutableArray<DiagnosticAnalyzer> LoadFrom(Assembly assembly) => assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();

internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    private readonly Microsoft.CodeAnalysis.Text.SourceText source = Microsoft.CodeAnalysis.Text.SourceText.From(text);

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => source;
}

/// <summary>A rules file of custom rules of every kind on roles nothing plays.</summary>
internal static class UnusedRules
{
    private static readonly string[] Kinds =
    [
        """ "kind": "requiredOnEveryPath", "trigger": "unused-a{0}", "cover": "unused-b{0}" """,
        """ "kind": "guardBefore", "trigger": "unused-a{0}", "cover": "unused-b{0}" """,
        """ "kind": "guardedBody", "trigger": "unused-a{0}", "compareWith": "unused-b{0}" """,
        """ "kind": "mustDiffer", "call": "unused-a{0}", "first": "unused-b{0}", "second": "unused-c{0}" """,
        """ "kind": "noFlowToSink", "sinks": "unused-a{0}" """,
        """ "kind": "noBranchOn", "scope": "unused-a{0}" """,
        """ "kind": "requiredValue", "type": "unused-a{0}", "member": "unused-b{0}" """,
        """ "kind": "coverMatches", "trigger": "unused-a{0}", "cover": "unused-b{0}", "match": "unused-c{0}" """,
    ];

    public static string File(int count)
    {
        var roles = string.Join(",\n", Enumerable.Range(0, count).SelectMany(i => new[] { $"\"unused-a{i}\": \"r\"", $"\"unused-b{i}\": \"r\"", $"\"unused-c{i}\": \"r\"" }));
        var rules = string.Join(",\n", Enumerable.Range(0, count).Select(i =>
            $"{{ \"id\": \"CASE{100 + i % 100}\", \"title\": \"t\", \"message\": \"m\", {string.Format(System.Globalization.CultureInfo.InvariantCulture, Kinds[i % Kinds.Length], i)} }}"));
        return $"{{ \"roles\": {{ {roles} }}, \"rules\": [ {rules} ] }}";
    }
}

internal sealed class Loader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}
