using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using CaseCompliance.Analyzers.BuiltIn;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers.Tests;

/// <summary>
/// Every rule kind has its page, docs/kinds/&lt;kind&gt;.md, and the page says what the catalog (Engine/RuleKinds.cs) and
/// the built-in definitions say: its question, every parameter with its type, requirement and description, every
/// placeholder in order, and the built-in rules of the kind exactly as builtin.casecompliance.json defines them.
/// docs/custom-rules.md links every page.
/// </summary>
public class KindDocsTests
{
    private static readonly string RepoRoot = MetaTests.FindRepoRoot();

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in RuleKind.All)
        {
            data.Add(kind.Name);
        }

        return data;
    }

    private static RuleKind Kind(string name) => RuleKind.Find(name) ?? throw new ArgumentException("No kind " + name, nameof(name));

    private static string Page(string kind)
    {
        var path = Path.Combine(RepoRoot, "docs", "kinds", kind + ".md");
        Assert.True(File.Exists(path), $"docs/kinds/{kind}.md is missing");
        return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The lines of a section, from its "## " heading to the next one.</summary>
    private static List<string> Section(string page, string heading)
    {
        var lines = page.Split('\n');
        var start = Array.IndexOf(lines, "## " + heading);
        Assert.True(start >= 0, $"the page has no section '## {heading}'");
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The first cell of each table row whose first cell is code, e.g. "trigger" from "| `trigger` | ...".</summary>
    private static List<(string Key, string Row)> CodeRows(IEnumerable<string> lines)
        => lines.Select(l => (Match: Regex.Match(l, @"^\| `([^`]+)` \|"), Row: l))
            .Where(r => r.Match.Success)
            .Select(r => (r.Match.Groups[1].Value, r.Row))
            .ToList();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_a_page_that_starts_with_its_question(string name)
    {
        var kind = Kind(name);
        var page = Page(name);
        Assert.StartsWith($"# {kind.Name}: {kind.Question}\n", page, StringComparison.Ordinal);
        if (kind.BuiltInOnly)
        {
            Assert.Contains("built in only", page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_parameter_table_has_every_parameter_in_order_with_its_type_requirement_and_description(string name)
    {
        var kind = Kind(name);
        var rows = CodeRows(Section(Page(name), "Parameters"));
        Assert.Equal(kind.Parameters.Select(p => p.Name), rows.Select(r => r.Key));
        foreach (var parameter in kind.Parameters)
        {
            var row = rows.Single(r => r.Key == parameter.Name).Row;
            var cells = row.Split(" | ");
            Assert.True(cells.Length == 5, $"the row of '{parameter.Name}' has not the five cells parameter, type, required, default, description: {row}");
            Assert.Contains(TypeText(parameter), cells[1], StringComparison.Ordinal);
            var required = kind.RequiresOneOf.Contains(parameter.Name) ? "one of " : parameter.Required ? "yes" : "no";
            Assert.StartsWith(required, cells[2], StringComparison.Ordinal);
            Assert.Equal(parameter.Description + " |", cells[4]);
        }
    }

    /// <summary>How a page writes what a parameter takes in the file.</summary>
    private static string TypeText(KindParameter parameter) => parameter.Type switch
    {
        ParameterType.Roles => "a role name, or an array of role names",
        ParameterType.Purposes => "a purpose name, or an array of purpose names",
        ParameterType.Bool => "`true` or `false`",
        ParameterType.Globs => "an array of name patterns",
        ParameterType.Data => "`\"any\"`, or an object with `categories`, `grounds` and `roles`",
        ParameterType.Choice => string.Join(" or ", parameter.Choices.Select(c => $"`\"{c}\"`")),
        ParameterType.Text => "a string",
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter.Type, "a parameter type the docs do not know"),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_placeholder_table_has_every_placeholder_in_order_with_its_description(string name)
    {
        var kind = Kind(name);
        var rows = CodeRows(Section(Page(name), "Message placeholders"));
        Assert.Equal(kind.Placeholders.Select(p => "{" + p.Name + "}"), rows.Select(r => r.Key));
        foreach (var placeholder in kind.Placeholders)
        {
            var row = rows.Single(r => r.Key == "{" + placeholder.Name + "}").Row;
            Assert.StartsWith($"| `{{{placeholder.Name}}}` | {placeholder.Description} |", row, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_page_shows_each_built_in_rule_of_the_kind_as_it_is_defined_and_links_its_page(string name)
    {
        var page = Page(name);
        var builtIn = BuiltInRules.Document.Rules.Where(r => r.Kind.Name == name).ToList();
        Assert.True(builtIn.Count > 0 || !Kind(name).BuiltInOnly, $"the built-in-only kind {name} has no built-in rule");
        var section = string.Join("\n", Section(page, "Built-in instances"));
        foreach (var rule in builtIn)
        {
            Assert.Contains($"\"id\": \"{rule.Id.Name}\"", section, StringComparison.Ordinal);
            Assert.Contains($"(../rules/{rule.Id.Name}.md)", section, StringComparison.Ordinal);
            Assert.Contains(Definition(rule), section, StringComparison.Ordinal);
        }

        Assert.Equal(builtIn.Count, Regex.Matches(section, "^\\{\n  \"id\": \"CASE", RegexOptions.Multiline).Count);
    }

    /// <summary>A built-in rule's text in the embedded file, without the indentation of the "rules" array.</summary>
    internal static string Definition(RuleDefinition rule)
    {
        var lines = BuiltInRules.Text.ToString(rule.Span).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var indent = lines.Skip(1).Last().TakeWhile(c => c == ' ').Count(); // the closing brace's
        return string.Join("\n", lines.Select((l, i) => i == 0 ? l : l.Substring(Math.Min(indent, l.TakeWhile(c => c == ' ').Count()))));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_custom_rule_example_reads_without_problems(string name)
    {
        var section = string.Join("\n", Section(Page(name), "A custom rule of this kind"));
        var json = Regex.Matches(section, "```json\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).FirstOrDefault();
        Assert.True(json is not null, $"the example of {name} has no ```json rules file");
        var document = RulesFileReader.Read("casecompliance.json", SourceText.From(json));
        var set = RulesSet.Create(ImmutableArray.Create(document));
        var problems = document.Problems.Select(p => p.Descriptor.Id + ": " + string.Join(" | ", p.Arguments))
            .Concat(set.Problems.Select(p => p.Problem.Descriptor.Id + ": " + string.Join(" | ", p.Problem.Arguments)))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        if (!Kind(name).BuiltInOnly)
        {
            Assert.Contains(document.Rules, r => r.Kind.Name == name);
        }
    }

    [Fact]
    public void The_custom_rules_reference_links_every_kind_page()
    {
        var reference = File.ReadAllText(Path.Combine(RepoRoot, "docs", "custom-rules.md"));
        foreach (var kind in RuleKind.All)
        {
            Assert.Contains($"](kinds/{kind.Name}.md)", reference, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("planned", reference, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("later release", reference, StringComparison.OrdinalIgnoreCase);
    }
}
