using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CaseCompliance.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs an analyzer test the other way: every CaseCompliance annotation of the test code becomes an entry of a rules
/// file (by documentation comment ID), the attribute is blanked out (same length, so every markup span stays where it
/// was), and the analyzers must report exactly the same diagnostics. This is what shows that a rule cannot tell whether
/// a meaning came from an attribute or from the file.
/// <para>
/// A case runs only one way when it cannot be written as a file: an annotation on a lambda or a local function (they
/// have no ID), one with a value that is not a constant, an annotation mixed with other attributes in one list, or an
/// expected diagnostic on an attribute (CASE003, CASE041).
/// </para>
/// </summary>
public static class BothWays
{
    private static int converted;
    private static int skipped;

    /// <summary>How many cases ran the rules-file way, and how many could not.</summary>
    public static (int Converted, int Skipped) Counts => (Volatile.Read(ref converted), Volatile.Read(ref skipped));

    /// <summary>
    /// Runs <paramref name="original"/>'s case again with its annotations in a rules file: the same sources with the
    /// attributes blanked, the same references, compiler diagnostics and expected diagnostics.
    /// </summary>
    public static async Task RunWithRulesFileAsync<TAnalyzer>(CSharpAnalyzerVerifier<TAnalyzer>.Test original, CancellationToken cancellationToken)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var sources = original.TestState.Sources.Select(s => (s.filename, s.content.ToString())).ToList();
        var conversion = sources.Count == 0 || original.ExpectedDiagnostics.Any(d => d.Id is RuleIds.UnknownPurpose or RuleIds.UnknownGround)
            || sources.Any(s => s.Item2.Contains("CASE003", StringComparison.Ordinal) || s.Item2.Contains("CASE041", StringComparison.Ordinal))
            ? null
            : Convert(sources, original.TestState.AdditionalReferences);
        if (conversion is null)
        {
            Interlocked.Increment(ref skipped);
            return;
        }

        Interlocked.Increment(ref converted);

        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { RunBothWays = false, CompilerDiagnostics = original.CompilerDiagnostics };
        test.TestState.OutputKind = original.TestState.OutputKind;
        foreach (var (path, markup) in conversion.Value.Sources)
        {
            test.TestState.Sources.Add((path, markup));
        }

        foreach (var reference in original.TestState.AdditionalReferences)
        {
            if (!test.TestState.AdditionalReferences.Contains(reference))
            {
                test.TestState.AdditionalReferences.Add(reference);
            }
        }

        test.TestState.AnalyzerConfigFiles.AddRange(original.TestState.AnalyzerConfigFiles);
        test.TestState.AdditionalFiles.Add((TestSetup.RulesFilePath, conversion.Value.RulesFile));
        test.ExpectedDiagnostics.AddRange(original.ExpectedDiagnostics);
        test.DisabledDiagnostics.AddRange(original.DisabledDiagnostics);
        try
        {
            await test.RunAsync(cancellationToken);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException(
                "The same case with its annotations in a rules file gives other diagnostics." + Environment.NewLine
                + "Rules file:" + Environment.NewLine + conversion.Value.RulesFile + Environment.NewLine
                + string.Join(Environment.NewLine, conversion.Value.Sources.Select(s => s.Path + ":" + Environment.NewLine + s.Markup)) + Environment.NewLine
                + e.Message);
        }
    }

    /// <summary>The test sources with their annotations blanked, and the rules file that says the same; null when they cannot be written so.</summary>
    public static (List<(string Path, string Markup)> Sources, string RulesFile)? Convert(IReadOnlyList<(string Path, string Markup)> sources, IEnumerable<MetadataReference> additionalReferences)
    {
        var stripped = sources.Select(s => StripMarkup(s.Markup)).ToList();
        var trees = stripped.Select((s, i) => CSharpSyntaxTree.ParseText(s.Code, new CSharpParseOptions(TestSetup.Language), sources[i].Path)).ToList();
        var references = TestSetup.References.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult()
            .Add(TestSetup.Annotations).AddRange(additionalReferences).Distinct().ToList();
        var compilation = CSharpCompilation.Create("TestProject", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var annotations = compilation.GetTypeByMetadataName("CaseCompliance.PersonalDataAttribute")?.ContainingAssembly;
        if (annotations is null)
        {
            return null;
        }

        var entries = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var order = new List<string>();
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        var result = new List<(string, string)>();
        for (var f = 0; f < trees.Count; f++)
        {
            var tree = trees[f];
            var (code, toMarkup) = stripped[f];
            var markup = sources[f].Markup;
            var model = compilation.GetSemanticModel(tree);
            var blank = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
            foreach (var list in tree.GetRoot().DescendantNodes().OfType<AttributeListSyntax>())
            {
                var ours = list.Attributes.Where(a => IsOurs(model, a, annotations)).ToList();
                if (ours.Count == 0)
                {
                    continue;
                }

                if (ours.Count != list.Attributes.Count || Target(model, list) is not { } target)
                {
                    return null;
                }

                foreach (var attribute in ours)
                {
                    if (!Add(model, attribute, target, entries, order, categories))
                    {
                        return null;
                    }
                }

                blank.Add(list.Span);
            }

            // Blank the attributes in the markup: the same characters become spaces, line breaks stay.
            var builder = new StringBuilder(markup);
            foreach (var span in blank)
            {
                var start = toMarkup[span.Start];
                var end = toMarkup[span.End - 1];
                if (markup.Substring(start, end - start + 1) != code.Substring(span.Start, span.Length))
                {
                    return null; // markup inside the attribute
                }

                for (var i = start; i <= end; i++)
                {
                    if (builder[i] is not ('\r' or '\n'))
                    {
                        builder[i] = ' ';
                    }
                }
            }

            result.Add((sources[f].Path, builder.ToString()));
        }

        if (entries.Count == 0)
        {
            return null;
        }

        var file = new JsonObject { ["version"] = 1 };
        var unknown = categories.Where(c => Model.NameCatalog.Categories.ConstantName(c) is null).ToList();
        if (unknown.Count > 0)
        {
            var declared = new JsonObject();
            foreach (var category in unknown)
            {
                declared[category] = new JsonObject { ["description"] = "a category of the test" };
            }

            file["categories"] = declared;
        }

        var symbols = new JsonArray();
        foreach (var id in order)
        {
            symbols.Add(entries[id]);
        }

        file["symbols"] = symbols;
        return (result, file.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private enum Place
    {
        Symbol,
        Parameter,
        Return,
    }

    private readonly record struct AttributeTarget(ISymbol Symbol, Place Place, string? Parameter);

    /// <summary>What an attribute list annotates, as a symbol with an ID; null for lambdas, local functions and the like.</summary>
    private static AttributeTarget? Target(SemanticModel model, AttributeListSyntax list)
    {
        var explicitTarget = list.Target?.Identifier.ValueText;
        switch (list.Parent)
        {
            case CompilationUnitSyntax when explicitTarget == "assembly":
                return new AttributeTarget(model.Compilation.Assembly, Place.Symbol, null);
            case ParameterSyntax parameter when model.GetDeclaredSymbol(parameter) is IParameterSymbol p:
                if (p.ContainingSymbol is not IMethodSymbol { MethodKind: not (MethodKind.LambdaMethod or MethodKind.AnonymousFunction or MethodKind.LocalFunction) } method)
                {
                    return null;
                }

                if (explicitTarget == "property" && method.ContainingType.GetMembers(p.Name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
                {
                    return new AttributeTarget(property, Place.Symbol, null);
                }

                return explicitTarget is null or "param" ? new AttributeTarget(method, Place.Parameter, p.Name) : null;
            case MemberDeclarationSyntax or AccessorDeclarationSyntax:
                var symbol = list.Parent is BaseFieldDeclarationSyntax field
                    ? field.Declaration.Variables.Count == 1 ? model.GetDeclaredSymbol(field.Declaration.Variables[0]) : null
                    : model.GetDeclaredSymbol(list.Parent);
                if (symbol is null || symbol.GetDocumentationCommentId() is null || explicitTarget is "field" or "type" or "event")
                {
                    return null;
                }

                return explicitTarget == "return" ? new AttributeTarget(symbol, Place.Return, null) : explicitTarget is null or "method" or "property" ? new AttributeTarget(symbol, Place.Symbol, null) : null;
            default:
                return null;
        }
    }

    private static bool IsOurs(SemanticModel model, AttributeSyntax attribute, IAssemblySymbol annotations)
        => model.GetSymbolInfo(attribute).Symbol is IMethodSymbol { ContainingType: { } type }
            && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, annotations);

    /// <summary>Adds what one attribute says to the entry of its target; false when it cannot be said in the file.</summary>
    private static bool Add(SemanticModel model, AttributeSyntax syntax, AttributeTarget target, Dictionary<string, JsonObject> entries, List<string> order, SortedSet<string> categories)
    {
        var data = (model.GetSymbolInfo(syntax).Symbol as IMethodSymbol)?.ContainingType;
        var attribute = target.Place == Place.Return
            ? ((IMethodSymbol)target.Symbol).GetReturnTypeAttributes().FirstOrDefault(a => a.ApplicationSyntaxReference?.GetSyntax() == syntax)
            : (target.Place == Place.Parameter
                ? ((IMethodSymbol)target.Symbol).Parameters.First(p => p.Name == target.Parameter).GetAttributes()
                : target.Symbol.GetAttributes()).FirstOrDefault(a => a.ApplicationSyntaxReference?.GetSyntax() == syntax);
        if (data is null || attribute is null || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
        {
            return false;
        }

        var id = target.Symbol is IAssemblySymbol assembly ? "A:" + assembly.Name : target.Symbol.GetDocumentationCommentId()!;
        if (!entries.TryGetValue(id, out var entry))
        {
            entries[id] = entry = new JsonObject { ["id"] = id };
            order.Add(id);
        }

        var place = entry;
        if (target.Place == Place.Parameter)
        {
            var parameters = (JsonObject)(entry["parameters"] ??= new JsonObject());
            place = (JsonObject)(parameters[target.Parameter!] ??= new JsonObject());
        }
        else if (target.Place == Place.Return)
        {
            place = (JsonObject)(entry["returns"] ??= new JsonObject());
        }

        var strings = attribute.ConstructorArguments.SelectMany(Strings).ToList();
        if (strings.Any(s => s is null))
        {
            return false;
        }

        switch (data.Name)
        {
            case "PersonalDataAttribute":
                var category = strings.FirstOrDefault() ?? Model.MeaningBuilder.UnnamedCategory;
                categories.Add(category!);
                var personal = new JsonObject { ["category"] = category };
                var purposes = attribute.NamedArguments.Where(a => a.Key == "Purposes").SelectMany(a => Strings(a.Value)).ToList();
                if (purposes.Any(p => p is null))
                {
                    return false;
                }

                if (purposes.Count > 0)
                {
                    personal["purposes"] = new JsonArray(purposes.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());
                }

                place["personalData"] = personal;
                return true;
            case "ProtectedCharacteristicAttribute":
                if (strings.Count != 1)
                {
                    return false;
                }

                place["protectedCharacteristic"] = strings[0];
                return true;
            case "ProcessingPurposeAttribute":
                place["processingPurposes"] = new JsonArray(strings.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray());
                return true;
            case "LegalBasisAttribute":
                if (strings.Count == 0)
                {
                    return false;
                }

                var bases = (JsonArray)(place["legalBasis"] ??= new JsonArray());
                bases.Add(new JsonObject
                {
                    ["reference"] = strings[0],
                    ["grounds"] = new JsonArray(strings.Skip(1).Select(g => (JsonNode)JsonValue.Create(g)!).ToArray()),
                });
                return true;
            case "CaseRoleAttribute":
                AddRoles(place, strings!);
                return true;
            default:
                if (RoleOf(data.Name) is not { } role)
                {
                    return false;
                }

                AddRoles(place, new[] { role });
                return true;
        }
    }

    private static void AddRoles(JsonObject place, IEnumerable<string> roles)
    {
        var list = (JsonArray)(place["roles"] ??= new JsonArray());
        foreach (var role in roles)
        {
            list.Add(role);
        }
    }

    /// <summary>The built-in role of a role attribute: <c>PersonLookupAttribute</c> is <c>person-lookup</c>.</summary>
    private static string? RoleOf(string attribute)
    {
        var name = attribute.EndsWith("Attribute", StringComparison.Ordinal) ? attribute[..^"Attribute".Length] : attribute;
        var kebab = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        var role = kebab.ToString();
        return Model.BuiltInRoles.All.Any(r => r.Name == role) ? role : null;
    }

    private static IEnumerable<string?> Strings(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Array)
        {
            if (constant.IsNull)
            {
                yield return null;
                yield break;
            }

            foreach (var item in constant.Values)
            {
                foreach (var s in Strings(item))
                {
                    yield return s;
                }
            }
        }
        else
        {
            yield return constant.Value as string;
        }
    }

    /// <summary>The code without test markup, and for each of its characters its offset in the markup.</summary>
    private static (string Code, int[] ToMarkup) StripMarkup(string markup)
    {
        var code = new StringBuilder(markup.Length);
        var map = new List<int>(markup.Length + 1);
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|") || Starts(markup, i, "|]") || Starts(markup, i, "|}") || Starts(markup, i, "$$"))
            {
                i++;
                continue;
            }

            if (Starts(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon > 0)
                {
                    i = colon;
                    continue;
                }
            }

            code.Append(markup[i]);
            map.Add(i);
        }

        map.Add(markup.Length);
        return (code.ToString(), map.ToArray());
    }

    private static bool Starts(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
