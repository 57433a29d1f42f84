using Microsoft.CodeAnalysis.Text;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers.Tests.RulesFile;

/// <summary>The rules files the repository ships (the samples', the docs' examples) read without a single problem.</summary>
public class ShippedRulesFileTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var root = MetaTests.FindRepoRoot();
        foreach (var folder in new[] { "samples", "docs" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.json", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f).Equals("casecompliance.json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".casecompliance.json", StringComparison.OrdinalIgnoreCase))
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                .Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_shipped_rules_file_reads_without_problems(string file)
    {
        var path = Path.Combine(MetaTests.FindRepoRoot(), file);
        var text = SourceText.From(File.ReadAllText(path));
        var document = RulesFileReader.Read(path, text);
        var set = RulesSet.Create(System.Collections.Immutable.ImmutableArray.Create(document));

        var problems = document.Problems.Select(p => (p.Descriptor.Id, p.Span, p.Arguments))
            .Concat(set.Problems.Select(p => (p.Problem.Descriptor.Id, p.Problem.Span, p.Problem.Arguments)))
            .Select(p => $"{p.Id} at line {text.Lines.GetLinePosition(p.Span.Start).Line + 1}: {string.Join(" | ", p.Arguments)}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.NotEmpty(document.Symbols.Concat<object>(document.Rules));
    }
}
