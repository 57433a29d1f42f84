using System.Composition;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using CaseCompliance.CodeFixes.Rules;

namespace CaseCompliance.Analyzers.Tests;

/// <summary>Every rule has its whole story: descriptor, doc page, help link, release row, tests; every fix has fix-all.</summary>
public class MetaTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in CaseRules.All)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static DiagnosticDescriptor Descriptor(string id) => CaseRules.All.Single(d => d.Id == id);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_has_a_doc_page_titled_like_its_descriptor_that_quotes_its_guidelines(string id)
    {
        var descriptor = Descriptor(id);
        var page = Path.Combine(RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");

        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        foreach (var guidelineId in CaseRules.GuidelineIds(descriptor))
        {
            var guideline = Guidelines.Find(guidelineId);
            Assert.NotNull(guideline);
            Assert.Contains(guidelineId, text, StringComparison.Ordinal);
            Assert.Contains(guideline!.Quote.Split(" ... ")[0], text, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> BuiltInRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in CaseCompliance.Analyzers.BuiltIn.BuiltInRules.Document.Rules)
        {
            data.Add(rule.Id.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BuiltInRuleIds))]
    public void Each_built_in_rule_page_shows_its_definition_as_the_embedded_file_has_it_and_links_its_kind(string id)
    {
        var rule = CaseCompliance.Analyzers.BuiltIn.BuiltInRules.Document.Rules.Single(r => r.Id.Name == id);
        var text = File.ReadAllText(Path.Combine(RepoRoot, "docs", "rules", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf("\n## Definition\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/rules/{id}.md has no '## Definition' section");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = text.Substring(start, (end < 0 ? text.Length : end) - start);
        Assert.Contains("```jsonc\n" + KindDocsTests.Definition(rule) + "\n```", section, StringComparison.Ordinal);
        Assert.Contains($"(../kinds/{rule.Kind.Name}.md)", section, StringComparison.Ordinal);
        foreach (var stale in new[] { "planned", "coming)", "cannot yet", "pending the rules file", "until the rules file" })
        {
            Assert.DoesNotContain(stale, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_links_to_its_page_and_follows_the_catalog_conventions(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal(CaseRules.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.EndsWith("docs/rules/", CaseRules.HelpLinkBase, StringComparison.Ordinal);
        Assert.Equal(CaseRules.Category, descriptor.Category);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.NotEmpty(CaseRules.GuidelineIds(descriptor));
        Assert.False(descriptor.Title.ToString().EndsWith('.'), "titles have no period");
        Assert.Contains("'{0}'", descriptor.MessageFormat.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_has_a_release_row_a_test_class_and_an_analyzer(string id)
    {
        var unshipped = File.ReadAllText(Path.Combine(RepoRoot, "src", "CaseCompliance.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(Path.Combine(RepoRoot, "src", "CaseCompliance.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.True(unshipped.Contains(id + " ") || shipped.Contains(id + " "), $"{id} has no release-tracking row");

        var prefix = "Case" + id.Substring(4);
        Assert.Contains(typeof(MetaTests).Assembly.GetTypes(), t => t.Name.StartsWith(prefix, StringComparison.Ordinal) && t.Name.EndsWith("Tests", StringComparison.Ordinal));

        Assert.Contains(RobustnessTests.AllAnalyzers(), a => a.SupportedDiagnostics.Any(d => d.Id == id));
    }

    [Fact]
    public void Analyzers_support_only_catalog_descriptors()
    {
        foreach (var analyzer in RobustnessTests.AllAnalyzers())
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                // Built-in rules, the custom range's placeholders and the rules-file errors: each from its catalog, as the same instance.
                var expected = CaseRules.All.Concat(CaseRules.CustomRange).Concat(CaseCompliance.Analyzers.RulesFile.RulesFileRules.All).Single(d => d.Id == descriptor.Id);
                Assert.Same(expected, descriptor);
            }
        }
    }

    public static TheoryData<Type> CodeFixTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(DeclarePurposeFix).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CodeFixTypes))]
    public void Each_code_fix_is_exported_by_name_shared_and_supports_fix_all(Type type)
    {
        var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
        Assert.NotNull(export);
        Assert.Equal(type.Name, export!.Name);
        Assert.Contains(LanguageNames.CSharp, export.Languages);
        Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
        Assert.True(type.IsSealed);

        var fix = (CodeFixProvider)Activator.CreateInstance(type)!;
        Assert.NotNull(fix.GetFixAllProvider());
        Assert.NotEmpty(fix.FixableDiagnosticIds);
        foreach (var id in fix.FixableDiagnosticIds)
        {
            Assert.True(CaseRules.All.Any(d => d.Id == id) || CaseCompliance.Analyzers.RuleIds.IsCustom(id), $"{type.Name} fixes {id}, which is neither a built-in rule nor a custom rule ID");
        }
    }

    [Fact]
    public void Every_guideline_the_catalog_names_is_in_the_shared_guideline_list()
    {
        var shared = Path.Combine(RepoRoot, "..", "shared", "GUIDELINES.md");
        if (!File.Exists(shared))
        {
            // CI clones put shared/ beside the repo; a plain clone may not have it.
            return;
        }

        var text = File.ReadAllText(shared);
        foreach (var guideline in Guidelines.All)
        {
            Assert.Contains("| " + guideline.Id + " |", text, StringComparison.Ordinal);
            Assert.Contains(guideline.Quote, text, StringComparison.Ordinal);
        }
    }

    internal static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
