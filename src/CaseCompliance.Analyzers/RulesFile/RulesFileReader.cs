using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.RulesFile
{
    /// <summary>
    /// Reads one rules file into a <see cref="RulesDocument"/>, checking it against the schema as it goes (the same
    /// rules as casecompliance.schema.json; a test holds the two together). A mistake is reported where it is and
    /// drops only the entry it is in: a half-valid file still applies its valid entries. Never throws.
    /// </summary>
    internal sealed class RulesFileReader
    {
        private static readonly string[] RootProperties = { "$schema", "version", "purposes", "categories", "grounds", "roles", "guidelines", "symbols", "rules" };
        private static readonly string[] EntryProperties =
            { "id", "except", "personalData", "protectedCharacteristic", "processingPurposes", "roles", "legalBasis", "parameters", "returns", "note", "suggested", "reason" };
        private static readonly string[] ParameterProperties = { "personalData", "protectedCharacteristic", "roles", "note" };
        private static readonly string[] ReturnProperties = { "personalData", "protectedCharacteristic", "note" };
        private static readonly string[] PersonalDataProperties = { "category", "purposes" };
        private static readonly string[] LegalBasisProperties = { "reference", "grounds" };
        private static readonly string[] CategoryProperties = { "description", "defaultPurposes" };
        private static readonly string[] GuidelineProperties = { "source", "quote", "summary", "shortPhrase" };
        private static readonly string[] DataProperties = { "categories", "grounds", "roles" };

        /// <summary>The properties every rule has, whatever its kind.</summary>
        internal static readonly string[] CommonRuleProperties =
            { "id", "name", "kind", "title", "message", "description", "severity", "helpLink", "guidelines", "statutes", "note" };

        internal static readonly string[] Severities = { "error", "warning", "suggestion", "info", "hidden", "none" };

        private readonly RulesDocument document;

        private RulesFileReader(RulesDocument document) => this.document = document;

        public static RulesDocument Read(string path, SourceText text, bool isBuiltIn = false, CancellationToken cancellationToken = default)
        {
            var document = new RulesDocument(path, text, isBuiltIn);
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(text, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // a rules file must never take the analyzers down
            catch (Exception e)
#pragma warning restore CA1031
            {
                document.Unreadable = true;
                document.Report(RulesFileRules.InvalidJson, new TextSpan(0, Math.Min(1, text.Length)), e.Message);
                return document;
            }

            if (json.Error is { } error)
            {
                document.Unreadable = true;
                document.Report(RulesFileRules.InvalidJson, error.Span, error.Message);
                return document;
            }

            new RulesFileReader(document).ReadRoot(json.Root!, cancellationToken);
            return document;
        }

        private void ReadRoot(JsonNode root, CancellationToken cancellationToken)
        {
            if (root.Kind != JsonKind.Object)
            {
                Schema(root.Span, $"the rules file must be a JSON object with \"symbols\", \"rules\" and the catalogs; found {Article(root)}");
                return;
            }

            CheckProperties(root, "the rules file", RootProperties);
            if (root["$schema"] is { } schema && schema.Kind != JsonKind.String)
            {
                WrongType(schema, "\"$schema\"", "a string");
            }

            if (root["version"] is { } version && (version.Kind != JsonKind.Number || !version.IsInteger || version.Number != 1))
            {
                Schema(version.Span, $"\"version\" must be 1, the only version of the format; found {Show(version)}");
            }

            document.Purposes = Declarations(root["purposes"], "purposes", "purpose");
            document.Grounds = Declarations(root["grounds"], "grounds", "ground");
            document.Roles = Declarations(root["roles"], "roles", "role");
            document.Categories = Categories(root["categories"]);
            document.Guidelines = Guidelines(root["guidelines"]);

            if (root["symbols"] is { } symbols)
            {
                document.Symbols = Array(symbols, "\"symbols\"", (node, index) => Entry(node, index), cancellationToken);
            }

            if (root["rules"] is { } rules)
            {
                document.Rules = Array(rules, "\"rules\"", (node, _) => Rule(node), cancellationToken);
            }
        }

        private ImmutableArray<T> Array<T>(JsonNode node, string what, Func<JsonNode, int, T?> read, CancellationToken cancellationToken)
            where T : class
        {
            if (node.Kind != JsonKind.Array)
            {
                WrongType(node, what, "an array");
                return ImmutableArray<T>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<T>(node.Items.Length);
            for (var i = 0; i < node.Items.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (read(node.Items[i], i) is { } item)
                {
                    builder.Add(item);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary><c>"purposes": { "user-support": "answering a citizen's support request" }</c>.</summary>
        private ImmutableArray<NameDeclaration> Declarations(JsonNode? node, string section, string what)
        {
            if (node is null)
            {
                return ImmutableArray<NameDeclaration>.Empty;
            }

            if (node.Kind != JsonKind.Object)
            {
                WrongType(node, $"\"{section}\"", $"an object from each {what}'s name to its description");
                return ImmutableArray<NameDeclaration>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<NameDeclaration>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in node.Properties)
            {
                if (!seen.Add(property.Name))
                {
                    Schema(property.NameSpan, $"the {what} '{property.Name}' is declared twice in \"{section}\"");
                    continue;
                }

                if (!IsName(property.Name, property.NameSpan, what))
                {
                    continue;
                }

                if (property.Value.Kind != JsonKind.String)
                {
                    WrongType(property.Value, $"the description of the {what} '{property.Name}'", "a string");
                    continue;
                }

                builder.Add(new NameDeclaration(property.Name, property.Value.String!, property.NameSpan, default));
            }

            return builder.ToImmutable();
        }

        /// <summary><c>"categories": { "sick-leave-history": { "description": "...", "defaultPurposes": ["case-handling"] } }</c>.</summary>
        private ImmutableArray<NameDeclaration> Categories(JsonNode? node)
        {
            if (node is null)
            {
                return ImmutableArray<NameDeclaration>.Empty;
            }

            if (node.Kind != JsonKind.Object)
            {
                WrongType(node, "\"categories\"", "an object from each category's name to { \"description\", \"defaultPurposes\" }");
                return ImmutableArray<NameDeclaration>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<NameDeclaration>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in node.Properties)
            {
                if (!seen.Add(property.Name))
                {
                    Schema(property.NameSpan, $"the category '{property.Name}' is declared twice in \"categories\"");
                    continue;
                }

                if (!IsName(property.Name, property.NameSpan, "category"))
                {
                    continue;
                }

                var value = property.Value;
                if (value.Kind != JsonKind.Object)
                {
                    WrongType(value, $"the category '{property.Name}'", "an object with \"description\" and \"defaultPurposes\"");
                    continue;
                }

                var before = Problems;
                CheckProperties(value, $"the category '{property.Name}'", CategoryProperties);
                if (Problems > before)
                {
                    continue; // a broken declaration does not apply
                }

                var description = OptionalString(value["description"], "\"description\"") ?? string.Empty;
                var defaults = value["defaultPurposes"] is { } d ? Names(d, "\"defaultPurposes\"", "purpose", allowSingle: false) : ImmutableArray<NameReference>.Empty;
                if (defaults.IsDefault)
                {
                    continue;
                }

                builder.Add(new NameDeclaration(property.Name, description, property.NameSpan, defaults));
            }

            return builder.ToImmutable();
        }

        private ImmutableArray<GuidelineDeclaration> Guidelines(JsonNode? node)
        {
            if (node is null)
            {
                return ImmutableArray<GuidelineDeclaration>.Empty;
            }

            if (node.Kind != JsonKind.Object)
            {
                WrongType(node, "\"guidelines\"", "an object from each guideline's ID to { \"source\", \"quote\", \"summary\", \"shortPhrase\" }");
                return ImmutableArray<GuidelineDeclaration>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<GuidelineDeclaration>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in node.Properties)
            {
                if (!seen.Add(property.Name))
                {
                    Schema(property.NameSpan, $"the guideline '{property.Name}' is declared twice in \"guidelines\"");
                    continue;
                }

                if (!IsGuidelineId(property.Name))
                {
                    Schema(property.NameSpan, $"'{property.Name}' is not a guideline ID: use letters, digits, '-', '_' and '.', like EK-SKATT-1");
                    continue;
                }

                var value = property.Value;
                if (value.Kind != JsonKind.Object)
                {
                    WrongType(value, $"the guideline '{property.Name}'", "an object with \"source\", \"quote\" and \"summary\"");
                    continue;
                }

                var before = Problems;
                CheckProperties(value, $"the guideline '{property.Name}'", GuidelineProperties);
                if (Problems > before)
                {
                    continue; // a broken declaration does not apply
                }

                var quote = RequiredString(value, "quote", $"the guideline '{property.Name}'");
                var source = OptionalString(value["source"], "\"source\"") ?? string.Empty;
                var summary = OptionalString(value["summary"], "\"summary\"") ?? string.Empty;
                var phrase = OptionalString(value["shortPhrase"], "\"shortPhrase\"");
                if (quote is null)
                {
                    continue;
                }

                builder.Add(new GuidelineDeclaration(new Guideline(property.Name, source, phrase ?? property.Name, quote, summary), property.NameSpan));
            }

            return builder.ToImmutable();
        }

        private SymbolEntry? Entry(JsonNode node, int index)
        {
            if (node.Kind != JsonKind.Object)
            {
                WrongType(node, "an entry of \"symbols\"", "an object with \"id\" and the meanings it gives");
                return null;
            }

            var errors = Problems;
            CheckProperties(node, "a \"symbols\" entry", EntryProperties);
            var targets = Patterns(node["id"], "\"id\"", required: true, node.Span);
            var except = node["except"] is { } e ? Patterns(e, "\"except\"", required: false, node.Span) : ImmutableArray<DocIdPattern>.Empty;
            var meaning = Meaning(node);
            var parameters = ImmutableArray<(NameReference, EntryMeaning)>.Empty;
            EntryMeaning? returns = null;
            var suggested = false;
            if (node["parameters"] is { } p)
            {
                parameters = Parameters(p);
            }

            if (node["returns"] is { } r)
            {
                if (r.Kind != JsonKind.Object)
                {
                    WrongType(r, "\"returns\"", "an object with \"personalData\" or \"protectedCharacteristic\"");
                }
                else
                {
                    CheckProperties(r, "\"returns\"", ReturnProperties);
                    OptionalString(r["note"], "\"note\"");
                    returns = Meaning(r);
                }
            }

            if (node["suggested"] is { } s)
            {
                if (s.Kind is JsonKind.True or JsonKind.False)
                {
                    suggested = s.Kind == JsonKind.True;
                }
                else
                {
                    WrongType(s, "\"suggested\"", "true or false");
                }
            }

            OptionalString(node["note"], "\"note\"");
            OptionalString(node["reason"], "\"reason\"");

            if (Problems > errors || targets.IsDefaultOrEmpty)
            {
                return null; // a broken entry does not apply at all: half an entry could mean something else
            }

            if (!parameters.IsEmpty || returns is not null)
            {
                foreach (var target in targets)
                {
                    if (target.Kind != 'M')
                    {
                        Schema(target.Span, $"'{target.Text}' is not a method: \"parameters\" and \"returns\" belong to M: entries");
                        return null;
                    }
                }
            }

            foreach (var target in targets)
            {
                if (target.Kind == 'A' && (meaning.PersonalData is not null || meaning.Ground is not null))
                {
                    Schema(target.Span, $"'{target.Text}' is an assembly: it can carry processing purposes, roles and legal bases, not personal data");
                    return null;
                }

                if (target.Parameter is not null && (meaning.Purposes is { IsDefault: false } || !meaning.LegalBases.IsEmpty))
                {
                    Schema(target.Span, $"'{target.Text}' names a parameter: it can be personal data or have roles, not purposes or legal bases");
                    return null;
                }
            }

            if (meaning.IsEmpty && parameters.IsEmpty && returns is null)
            {
                Schema(node.Span, "the entry gives its symbols no meaning: add \"personalData\", \"protectedCharacteristic\", \"processingPurposes\", \"roles\", \"legalBasis\", \"parameters\" or \"returns\"");
                return null;
            }

            return new SymbolEntry(document, index, node.Span, targets, except, meaning, parameters, returns, suggested);
        }

        private ImmutableArray<(NameReference, EntryMeaning)> Parameters(JsonNode node)
        {
            if (node.Kind != JsonKind.Object)
            {
                WrongType(node, "\"parameters\"", "an object from each parameter's name to its meanings");
                return ImmutableArray<(NameReference, EntryMeaning)>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<(NameReference, EntryMeaning)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in node.Properties)
            {
                if (!seen.Add(property.Name))
                {
                    Schema(property.NameSpan, $"the parameter '{property.Name}' appears twice in \"parameters\"");
                    continue;
                }

                if (property.Value.Kind != JsonKind.Object)
                {
                    WrongType(property.Value, $"the parameter '{property.Name}'", "an object with \"personalData\", \"protectedCharacteristic\" or \"roles\"");
                    continue;
                }

                CheckProperties(property.Value, $"the parameter '{property.Name}'", ParameterProperties);
                OptionalString(property.Value["note"], "\"note\"");
                builder.Add((new NameReference(property.Name, property.NameSpan), Meaning(property.Value)));
            }

            return builder.ToImmutable();
        }

        private EntryMeaning Meaning(JsonNode node)
        {
            PersonalDataSpec? data = null;
            if (node["personalData"] is { } pd)
            {
                data = PersonalData(pd);
            }

            NameReference? ground = null;
            if (node["protectedCharacteristic"] is { } pc)
            {
                if (pc.Kind == JsonKind.String && IsName(pc.String!, pc.Span, "ground"))
                {
                    ground = new NameReference(pc.String!, pc.Span);
                }
                else if (pc.Kind != JsonKind.String)
                {
                    WrongType(pc, "\"protectedCharacteristic\"", "a ground, e.g. \"sex\"");
                }
            }

            var purposes = node["processingPurposes"] is { } pp ? Names(pp, "\"processingPurposes\"", "purpose", allowSingle: false) : default;
            var roles = node["roles"] is { } r ? Names(r, "\"roles\"", "role", allowSingle: true) : ImmutableArray<NameReference>.Empty;
            var bases = node["legalBasis"] is { } lb ? LegalBases(lb) : ImmutableArray<LegalBasisSpec>.Empty;
            return new EntryMeaning(data, ground, purposes, roles.IsDefault ? ImmutableArray<NameReference>.Empty : roles, bases);
        }

        /// <summary><c>"personalData": "identity"</c> or <c>{ "category": "health", "purposes": ["case-handling"] }</c>.</summary>
        private PersonalDataSpec? PersonalData(JsonNode node)
        {
            if (node.Kind == JsonKind.String)
            {
                return IsName(node.String!, node.Span, "category")
                    ? new PersonalDataSpec(new NameReference(node.String!, node.Span), ImmutableArray<NameReference>.Empty)
                    : null;
            }

            if (node.Kind != JsonKind.Object)
            {
                WrongType(node, "\"personalData\"", "a category name or an object with \"category\" and \"purposes\"");
                return null;
            }

            CheckProperties(node, "\"personalData\"", PersonalDataProperties);
            if (node["category"] is not { } category)
            {
                Schema(node.Span, "\"personalData\" needs a \"category\", e.g. \"identity\", \"contact\", \"health\"");
                return null;
            }

            if (category.Kind != JsonKind.String)
            {
                WrongType(category, "\"category\"", "a category name");
                return null;
            }

            if (!IsName(category.String!, category.Span, "category"))
            {
                return null;
            }

            var purposes = node["purposes"] is { } p ? Names(p, "\"purposes\"", "purpose", allowSingle: false) : ImmutableArray<NameReference>.Empty;
            return purposes.IsDefault ? null : new PersonalDataSpec(new NameReference(category.String!, category.Span), purposes);
        }

        private ImmutableArray<LegalBasisSpec> LegalBases(JsonNode node)
        {
            if (node.Kind != JsonKind.Array)
            {
                WrongType(node, "\"legalBasis\"", "an array of { \"reference\", \"grounds\" }");
                return ImmutableArray<LegalBasisSpec>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<LegalBasisSpec>();
            foreach (var item in node.Items)
            {
                if (item.Kind != JsonKind.Object)
                {
                    WrongType(item, "a legal basis", "an object with \"reference\" and \"grounds\"");
                    continue;
                }

                CheckProperties(item, "a legal basis", LegalBasisProperties);
                var reference = RequiredString(item, "reference", "a legal basis");
                var grounds = item["grounds"] is { } g ? Names(g, "\"grounds\"", "ground", allowSingle: false) : ImmutableArray<NameReference>.Empty;
                if (reference is not null && !grounds.IsDefault)
                {
                    builder.Add(new LegalBasisSpec(reference, grounds));
                }
            }

            return builder.ToImmutable();
        }

        private RuleDefinition? Rule(JsonNode node)
        {
            if (node.Kind != JsonKind.Object)
            {
                WrongType(node, "an entry of \"rules\"", "an object with \"id\", \"kind\", \"title\", \"message\" and the kind's parameters");
                return null;
            }

            var errors = Problems;
            var idNode = node["id"];
            var kindNode = node["kind"];
            var id = RequiredString(node, "id", "a rule");
            var kindName = RequiredString(node, "kind", "the rule" + (id is null ? string.Empty : " '" + id + "'"));
            if (id is null || kindName is null)
            {
                return null;
            }

            if (!document.IsBuiltIn && !RuleIds.IsCustom(id))
            {
                var builtIn = CaseRules.IsBuiltInId(id) ? "; " + id + " is a built-in rule" : string.Empty;
                Report(RulesFileRules.InvalidRuleId, idNode!.Span, id, builtIn);
                return null;
            }

            var kind = RuleKind.Find(kindName);
            if (kind is null || kind.BuiltInOnly && !document.IsBuiltIn)
            {
                var names = new List<string>();
                foreach (var k in RuleKind.All)
                {
                    if (!k.BuiltInOnly)
                    {
                        names.Add(k.Name);
                    }
                }

                var closest = kind is null ? Closest(kindName, names) : null;
                var why = kind is not null ? "; it is a kind of the built-in rules only. " : closest is null ? ". " : "; did you mean '" + closest + "'? ";
                Report(RulesFileRules.UnknownKind, kindNode!.Span, kindName, why + "The kinds are " + string.Join(", ", names) + ".");
                return null;
            }

            var allowed = new List<string>(CommonRuleProperties);
            foreach (var parameter in kind.Parameters)
            {
                allowed.Add(parameter.Name);
            }

            CheckProperties(node, $"the {kind.Name} rule '{id}'", allowed.ToArray());
            var title = RequiredString(node, "title", $"the rule '{id}'");
            var message = RequiredString(node, "message", $"the rule '{id}'");
            var name = OptionalString(node["name"], "\"name\"");
            var description = OptionalString(node["description"], "\"description\"");
            var helpLink = OptionalString(node["helpLink"], "\"helpLink\"");
            OptionalString(node["note"], "\"note\"");
            var guidelines = node["guidelines"] is { } g ? Names(g, "\"guidelines\"", "guideline", allowSingle: true) : ImmutableArray<NameReference>.Empty;
            var statutes = node["statutes"] is { } st ? Strings(st, "\"statutes\"") : ImmutableArray<string>.Empty;

            DiagnosticSeverity? severity = null;
            var disabled = false;
            if (node["severity"] is { } sv)
            {
                switch (sv.Kind == JsonKind.String ? sv.String : null)
                {
                    case "error": severity = DiagnosticSeverity.Error; break;
                    case "warning": severity = DiagnosticSeverity.Warning; break;
                    case "suggestion":
                    case "info": severity = DiagnosticSeverity.Info; break;
                    case "hidden": severity = DiagnosticSeverity.Hidden; break;
                    case "none": disabled = true; break;
                    default:
                        Schema(sv.Span, $"\"severity\" must be one of {string.Join(", ", Severities)}; found {Show(sv)}");
                        break;
                }
            }

            if (name is not null && (name.Length == 0 || name.Trim().Length != name.Length))
            {
                Schema(node["name"]!.Span, "\"name\" must be a non-empty label without surrounding spaces, e.g. \"SJP-TVA-SPECIALISTER\"");
            }

            if (helpLink is not null && !(Uri.TryCreate(helpLink, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)))
            {
                Schema(node["helpLink"]!.Span, $"\"helpLink\" must be an absolute http or https URI; found '{helpLink}'");
            }

            var parameters = ImmutableDictionary.CreateBuilder<string, ParameterValue>(StringComparer.Ordinal);
            foreach (var parameter in kind.Parameters)
            {
                if (node[parameter.Name] is { } value)
                {
                    if (ReadParameter(kind, id, parameter, value) is { } read)
                    {
                        parameters[parameter.Name] = read;
                    }
                }
                else if (parameter.Required)
                {
                    Report(RulesFileRules.MissingParameter, node.Span, kind.Name, id, parameter.Name, parameter.Description);
                }
            }

            if (!kind.RequiresOneOf.IsEmpty)
            {
                var any = false;
                foreach (var one in kind.RequiresOneOf)
                {
                    any |= node[one] is not null;
                }

                if (!any)
                {
                    Report(RulesFileRules.MissingParameter, node.Span, kind.Name, id, string.Join("' or '", kind.RequiresOneOf),
                        "at least one of them says what satisfies the rule");
                }
            }

            if (message is not null)
            {
                CheckPlaceholders(kind, node["message"]!, message);
            }

            if (Problems > errors || title is null || message is null)
            {
                return null;
            }

            return new RuleDefinition(document, node.Span, new NameReference(id, idNode!.Span), name, new NameReference(kindName, kindNode!.Span), title,
                new NameReference(message, node["message"]!.Span), description, severity, disabled, helpLink, guidelines, statutes, parameters.ToImmutable());
        }

        private ParameterValue? ReadParameter(RuleKind kind, string id, KindParameter parameter, JsonNode value)
        {
            var what = $"\"{parameter.Name}\" of the rule '{id}'";
            switch (parameter.Type)
            {
                case ParameterType.Roles:
                    var roles = Names(value, what, "role", allowSingle: true);
                    return roles.IsDefault ? null : new ParameterValue(value.Span, roles);
                case ParameterType.Purposes:
                    var purposes = Names(value, what, "purpose", allowSingle: true);
                    return purposes.IsDefault ? null : new ParameterValue(value.Span, purposes);
                case ParameterType.Globs:
                    var globs = Strings(value, what);
                    var references = ImmutableArray.CreateBuilder<NameReference>(globs.Length);
                    for (var i = 0; i < globs.Length; i++)
                    {
                        references.Add(new NameReference(globs[i], value.Items[i].Span));
                    }

                    return new ParameterValue(value.Span, references.MoveToImmutable());
                case ParameterType.Bool:
                    if (value.Kind is JsonKind.True or JsonKind.False)
                    {
                        return new ParameterValue(value.Span, flag: value.Kind == JsonKind.True);
                    }

                    WrongType(value, what, "true or false");
                    return null;
                case ParameterType.Choice:
                    if (value.Kind == JsonKind.String && parameter.Choices.Contains(value.String!))
                    {
                        return new ParameterValue(value.Span, word: value.String);
                    }

                    Schema(value.Span, $"{what} must be one of {string.Join(", ", parameter.Choices)}; found {Show(value)}");
                    return null;
                case ParameterType.Data:
                    return Data(value, what) is { } data ? new ParameterValue(value.Span, data: data) : null;
                case ParameterType.Text:
                    if (value.Kind == JsonKind.String)
                    {
                        return new ParameterValue(value.Span, word: value.String);
                    }

                    WrongType(value, what, "a string");
                    return null;
                default:
                    return null;
            }
        }

        private DataSpec? Data(JsonNode node, string what)
        {
            if (node.Kind == JsonKind.String && node.String == "any")
            {
                return DataSpec.Any;
            }

            if (node.Kind != JsonKind.Object)
            {
                Schema(node.Span, $"{what} must be \"any\" or an object with \"categories\", \"grounds\" or \"roles\"; found {Show(node)}");
                return null;
            }

            CheckProperties(node, what, DataProperties);
            var categories = node["categories"] is { } c ? Names(c, "\"categories\"", "category", allowSingle: true) : ImmutableArray<NameReference>.Empty;
            var grounds = node["grounds"] is { } g ? Names(g, "\"grounds\"", "ground", allowSingle: true) : ImmutableArray<NameReference>.Empty;
            var roles = node["roles"] is { } r ? Names(r, "\"roles\"", "role", allowSingle: true) : ImmutableArray<NameReference>.Empty;
            if (categories.IsDefault || grounds.IsDefault || roles.IsDefault)
            {
                return null;
            }

            return new DataSpec(categories, grounds, roles);
        }

        /// <summary>Checks the named placeholders of a message against the kind's: <c>{trigger}</c>, with <c>{{</c> for a brace.</summary>
        private void CheckPlaceholders(RuleKind kind, JsonNode node, string message)
        {
            var placeholders = MessageFormat.Placeholders(message, out var unbalanced);
            foreach (var (name, start, length) in placeholders)
            {
                if (kind.PlaceholderIndex(name) < 0)
                {
                    var names = new List<string>();
                    foreach (var p in kind.Placeholders)
                    {
                        names.Add("{" + p.Name + "}");
                    }

                    // The span of a placeholder inside the string literal: after the opening quote, when no escapes come before it.
                    var span = MessageSpan(node, start, length);
                    Report(RulesFileRules.UnknownPlaceholder, span, "{" + name + "}", kind.Name, string.Join(", ", names));
                }
            }

            if (unbalanced >= 0)
            {
                Schema(MessageSpan(node, unbalanced, 1), "the message has a brace that opens or closes no placeholder; write {{ or }} for a literal brace");
            }
        }

        private static TextSpan MessageSpan(JsonNode node, int start, int length)
            => node.Span.Length == node.String!.Length + 2 ? new TextSpan(node.Span.Start + 1 + start, length) : node.Span;

        private ImmutableArray<DocIdPattern> Patterns(JsonNode? node, string what, bool required, TextSpan entrySpan)
        {
            if (node is null)
            {
                if (required)
                {
                    Schema(entrySpan, $"the entry needs {what}: a documentation comment ID such as \"P:Legacy.Crm.Customer.Email\", or an array of them");
                }

                return default;
            }

            var items = node.Kind == JsonKind.Array ? node.Items : ImmutableArray.Create(node);
            if (node.Kind == JsonKind.Array && items.IsEmpty)
            {
                Schema(node.Span, $"{what} is an empty array");
                return default;
            }

            var builder = ImmutableArray.CreateBuilder<DocIdPattern>(items.Length);
            foreach (var item in items)
            {
                if (item.Kind != JsonKind.String)
                {
                    WrongType(item, what, node.Kind == JsonKind.Array ? "an array of documentation comment IDs" : "a documentation comment ID or an array of them");
                    return default;
                }

                var pattern = DocIdPattern.Parse(item.String!, item.Span, out var error);
                if (pattern is null)
                {
                    Schema(item.Span, error!);
                    return default;
                }

                builder.Add(pattern);
            }

            return builder.MoveToImmutable();
        }

        /// <summary>A name or an array of names; default (with a reported problem) when it is neither.</summary>
        private ImmutableArray<NameReference> Names(JsonNode node, string what, string kind, bool allowSingle)
        {
            if (node.Kind == JsonKind.String && allowSingle)
            {
                if (kind == "guideline" && !IsGuidelineId(node.String!))
                {
                    Schema(node.Span, $"'{node.String}' is not a guideline ID");
                    return default;
                }

                return kind == "guideline" || IsName(node.String!, node.Span, kind) ? ImmutableArray.Create(new NameReference(node.String!, node.Span)) : default;
            }

            if (node.Kind != JsonKind.Array)
            {
                WrongType(node, what, allowSingle ? $"a {kind} name or an array of them" : $"an array of {kind} names");
                return default;
            }

            var builder = ImmutableArray.CreateBuilder<NameReference>(node.Items.Length);
            foreach (var item in node.Items)
            {
                if (item.Kind != JsonKind.String)
                {
                    WrongType(item, "an item of " + what, $"a {kind} name");
                    return default;
                }

                if (kind == "guideline" ? !IsGuidelineId(item.String!) : !IsName(item.String!, item.Span, kind))
                {
                    if (kind == "guideline")
                    {
                        Schema(item.Span, $"'{item.String}' is not a guideline ID");
                    }

                    return default;
                }

                builder.Add(new NameReference(item.String!, item.Span));
            }

            return builder.MoveToImmutable();
        }

        private ImmutableArray<string> Strings(JsonNode node, string what)
        {
            if (node.Kind != JsonKind.Array)
            {
                WrongType(node, what, "an array of strings");
                return ImmutableArray<string>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<string>(node.Items.Length);
            foreach (var item in node.Items)
            {
                if (item.Kind != JsonKind.String)
                {
                    WrongType(item, "an item of " + what, "a string");
                    return ImmutableArray<string>.Empty;
                }

                builder.Add(item.String!);
            }

            return builder.MoveToImmutable();
        }

        private bool IsName(string name, TextSpan span, string kind)
        {
            if (name.Length > 0 && name.IndexOf(';') < 0 && !HasWhiteSpace(name))
            {
                return true;
            }

            Schema(span, $"'{name}' is not a {kind} name: names are not empty and have no spaces or ';' (like \"case-handling\")");
            return false;
        }

        private static bool HasWhiteSpace(string name)
        {
            foreach (var c in name)
            {
                if (char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool IsGuidelineId(string id)
        {
            if (id.Length == 0 || !char.IsLetterOrDigit(id[0]))
            {
                return false;
            }

            foreach (var c in id)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }

        private string? RequiredString(JsonNode owner, string property, string what)
        {
            if (owner[property] is not { } value)
            {
                Schema(owner.Span, $"{what} needs \"{property}\"");
                return null;
            }

            if (value.Kind != JsonKind.String || value.String!.Length == 0)
            {
                WrongType(value, $"\"{property}\"", "a non-empty string");
                return null;
            }

            return value.String;
        }

        private string? OptionalString(JsonNode? value, string what)
        {
            if (value is null)
            {
                return null;
            }

            if (value.Kind != JsonKind.String)
            {
                WrongType(value, what, "a string");
                return null;
            }

            return value.String;
        }

        /// <summary>Reports unknown properties (with the closest known one) and properties given twice.</summary>
        private void CheckProperties(JsonNode node, string what, string[] allowed)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in node.Properties)
            {
                if (!seen.Add(property.Name))
                {
                    Schema(property.NameSpan, $"\"{property.Name}\" appears twice in {what}");
                    continue;
                }

                if (System.Array.IndexOf(allowed, property.Name) < 0)
                {
                    var closest = Closest(property.Name, allowed);
                    Schema(property.NameSpan, $"\"{property.Name}\" is not a property of {what}" + (closest is null ? string.Empty : $"; did you mean \"{closest}\"?"));
                }
            }
        }

        internal static string? Closest(string name, IEnumerable<string> candidates)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                var d = NameCatalog.EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (d < bestDistance)
                {
                    best = candidate;
                    bestDistance = d;
                }
            }

            return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
        }

        private int Problems => document.Problems.Count;

        private void WrongType(JsonNode node, string what, string expected) => Schema(node.Span, $"{what} must be {expected}; found {Article(node)}");

        private void Schema(TextSpan span, string message) => document.Report(RulesFileRules.SchemaViolation, span, message);

        private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments) => document.Report(descriptor, span, arguments);

        private static string Article(JsonNode node) => node.Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "the string \"" + Shorten(node.String!) + "\"",
            JsonKind.Number => "the number " + node.NumberText,
            JsonKind.Null => "null",
            _ => node.Kind == JsonKind.True ? "true" : "false",
        };

        private static string Show(JsonNode node) => Article(node);

        private static string Shorten(string s) => s.Length <= 40 ? s : s.Substring(0, 37) + "...";
    }

    /// <summary>Named placeholders in rule messages: <c>{trigger}</c> becomes the descriptor's <c>{0}</c>.</summary>
    internal static class MessageFormat
    {
        /// <summary>The placeholders of a message with their offsets; <paramref name="unbalanced"/> is the offset of a stray brace, or -1.</summary>
        public static List<(string Name, int Start, int Length)> Placeholders(string message, out int unbalanced)
        {
            var list = new List<(string, int, int)>();
            var stray = -1;
            for (var i = 0; i < message.Length; i++)
            {
                var c = message[i];
                if (c == '{')
                {
                    if (i + 1 < message.Length && message[i + 1] == '{')
                    {
                        i++;
                        continue;
                    }

                    var close = message.IndexOf('}', i + 1);
                    if (close < 0 || message.IndexOf('{', i + 1, close - i - 1) >= 0)
                    {
                        stray = stray < 0 ? i : stray;
                        continue;
                    }

                    list.Add((message.Substring(i + 1, close - i - 1), i, close - i + 1));
                    i = close;
                }
                else if (c == '}')
                {
                    if (i + 1 < message.Length && message[i + 1] == '}')
                    {
                        i++;
                        continue;
                    }

                    stray = stray < 0 ? i : stray;
                }
            }

            unbalanced = stray;
            return list;
        }

        /// <summary>
        /// The message in the descriptor's positional form: each distinct placeholder, in the order it first appears,
        /// becomes {0}, {1}, ...; <paramref name="order"/> holds, for each position, the kind's index of its placeholder.
        /// </summary>
        public static string Positional(string message, RuleKind kind, out int[] order)
        {
            var positions = new List<int>();
            var builder = new System.Text.StringBuilder(message.Length);
            for (var i = 0; i < message.Length; i++)
            {
                var c = message[i];
                if (c == '{' && i + 1 < message.Length && message[i + 1] == '{')
                {
                    builder.Append("{{");
                    i++;
                    continue;
                }

                if (c == '}' && i + 1 < message.Length && message[i + 1] == '}')
                {
                    builder.Append("}}");
                    i++;
                    continue;
                }

                if (c == '{')
                {
                    var close = message.IndexOf('}', i + 1);
                    var index = close < 0 ? -1 : kind.PlaceholderIndex(message.Substring(i + 1, close - i - 1));
                    if (index >= 0)
                    {
                        var position = positions.IndexOf(index);
                        if (position < 0)
                        {
                            position = positions.Count;
                            positions.Add(index);
                        }

                        builder.Append('{').Append(position.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('}');
                        i = close;
                        continue;
                    }

                    builder.Append("{{");
                    continue;
                }

                builder.Append(c == '}' ? "}}" : c.ToString());
            }

            order = positions.ToArray();
            return builder.ToString();
        }
    }
}
