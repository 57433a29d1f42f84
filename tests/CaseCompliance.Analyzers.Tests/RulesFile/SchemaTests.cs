using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CaseCompliance.Analyzers.BuiltIn;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.RulesFile;
using Json.Schema;
using Microsoft.CodeAnalysis.Text;
using Nodes = System.Text.Json.Nodes;
using Stj = System.Text.Json;

namespace CaseCompliance.Analyzers.Tests.RulesFile;

/// <summary>
/// casecompliance.schema.json: every shipped rules file validates, the schema is in step with the rule kinds, and on a
/// table of documents its verdict is the reader's (RulesFileReader is the specification; the schema is for editors).
/// </summary>
public class SchemaTests
{
    /// <summary>The reader's structural verdicts; the other CASE9xx (undeclared names, unmatched IDs ...) are about meaning.</summary>
    private static readonly string[] StructuralIds =
    {
        RuleIds.RulesFileInvalidJson, RuleIds.RulesFileSchema, RuleIds.RulesFileInvalidRuleId,
        RuleIds.RulesFileUnknownKind, RuleIds.RulesFileMissingParameter, RuleIds.RulesFileUnknownPlaceholder,
    };

    private static readonly Stj.JsonDocumentOptions ReadOptions = new() { CommentHandling = Stj.JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly string RepoRoot = FindRepoRoot();

    private static readonly string SchemaText = File.ReadAllText(Path.Combine(RepoRoot, "casecompliance.schema.json"));

    private static readonly JsonSchema Schema = JsonSchema.FromText(SchemaText);

    private static readonly Nodes.JsonObject SchemaTree = (Nodes.JsonObject)Nodes.JsonNode.Parse(SchemaText)!;

    // ---- every shipped rules file validates ----

    [Fact]
    public void BuiltInRulesFileValidates()
    {
        var text = BuiltInRules.Text.ToString();
        var (valid, errors) = SchemaVerdict(text);
        Assert.True(valid, "builtin.casecompliance.json does not follow the schema:\n" + errors);

        // The schema's list of built-in IDs is the built-in file's.
        var ids = BuiltInRules.Document.Rules.Select(r => r.Id.Name).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(ids, Strings(Def("builtInRuleId")["enum"]).OrderBy(id => id, StringComparer.Ordinal));
    }

    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "samples", "docs" })
        {
            var root = Path.Combine(RepoRoot, folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(root, "*casecompliance.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                var relative = Path.GetRelativePath(RepoRoot, path).Replace('\\', '/');
                var skipped = relative.Split('/').Any(part => part is "bin" or "obj");
                if (!skipped && (name == "casecompliance.json" || name.EndsWith(".casecompliance.json", StringComparison.Ordinal)))
                {
                    data.Add(relative);
                }
            }
        }

        // A row that checks nothing keeps the theory valid while no sample has a rules file; it starts checking them when they appear.
        if (data.Count == 0)
        {
            data.Add(string.Empty);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedRulesFileValidates(string relativePath)
    {
        if (relativePath.Length == 0)
        {
            return;
        }

        var text = File.ReadAllText(Path.Combine(RepoRoot, relativePath));
        var (valid, errors) = SchemaVerdict(text);
        Assert.True(valid, relativePath + " does not follow the schema:\n" + errors);
        var (readerValid, problems) = ReaderVerdict(text);
        Assert.True(readerValid, relativePath + " is not read cleanly:\n" + problems);
    }

    // ---- the schema is in step with the kinds and the reader ----

    [Fact]
    public void KindEnumIsTheKinds()
    {
        var kinds = RuleKind.All.Select(k => k.Name);
        Assert.Equal(kinds, Strings(Def("rule")["properties"]!["kind"]!["enum"]));
    }

    [Fact]
    public void SeverityEnumIsTheReaders()
    {
        Assert.Equal(RulesFileReader.Severities, Strings(Def("severity")["enum"]));
    }

    [Fact]
    public void CommonRulePropertiesAreTheReaders()
    {
        var properties = ((Nodes.JsonObject)Def("rule")["properties"]!).Select(p => p.Key);
        Assert.Equal(RulesFileReader.CommonRuleProperties.OrderBy(p => p, StringComparer.Ordinal), properties.OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(new[] { "id", "kind", "message", "title" }, Strings(Def("rule")["required"]).OrderBy(p => p, StringComparer.Ordinal));
    }

    public static TheoryData<string> KindNames()
    {
        var data = new TheoryData<string>();
        foreach (var kind in RuleKind.All)
        {
            data.Add(kind.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void KindBranchIsInStepWithTheKind(string name)
    {
        var kind = RuleKind.Find(name)!;
        var branch = KindBranch(name);
        Assert.False(branch["additionalProperties"]!.GetValue<bool>());

        var allowed = ((Nodes.JsonObject)branch["properties"]!).Select(p => p.Key).OrderBy(p => p, StringComparer.Ordinal);
        var expected = RulesFileReader.CommonRuleProperties.Concat(kind.Parameters.Select(p => p.Name)).OrderBy(p => p, StringComparer.Ordinal);
        Assert.Equal(expected, allowed);

        var required = branch["required"] is { } r ? Strings(r).OrderBy(p => p, StringComparer.Ordinal) : Enumerable.Empty<string>();
        Assert.Equal(kind.Parameters.Where(p => p.Required).Select(p => p.Name).OrderBy(p => p, StringComparer.Ordinal), required);

        var oneOf = branch["anyOf"] is Nodes.JsonArray any ? any.Select(a => Strings(a!["required"]).Single()) : Enumerable.Empty<string>();
        Assert.Equal(kind.RequiresOneOf, oneOf);

        foreach (var parameter in kind.Parameters)
        {
            var property = branch["properties"]![parameter.Name]!;
            Assert.False(string.IsNullOrEmpty(property["description"]?.GetValue<string>()), $"{name}.{parameter.Name} has no description");
            if (parameter.Type == ParameterType.Choice)
            {
                Assert.Equal(parameter.Choices, Strings(property["enum"]));
            }
            else
            {
                Assert.Equal(TypeDefinition(parameter.Type), property["$ref"]!.GetValue<string>());
            }
        }

        // The message's pattern takes exactly the kind's placeholders.
        var message = new Regex(branch["properties"]!["message"]!["pattern"]!.GetValue<string>());
        foreach (var placeholder in kind.Placeholders)
        {
            Assert.Matches(message, "'{" + placeholder.Name + "}' and {{literal}}");
        }

        Assert.DoesNotMatch(message, "'{not-a-placeholder}'");
        Assert.Equal(kind.BuiltInOnly, branch["properties"]!["id"] is Nodes.JsonObject);
    }

    [Fact]
    public void EveryDefinitionHasADescription()
    {
        foreach (var (name, definition) in (Nodes.JsonObject)SchemaTree["$defs"]!)
        {
            Assert.False(string.IsNullOrWhiteSpace(definition!["description"]?.GetValue<string>()), name + " has no description");
        }
    }

    /// <summary>
    /// The name pattern excludes exactly what the reader's IsName excludes (char.IsWhiteSpace and ';'), and the
    /// guideline ID pattern takes exactly what IsGuidelineId takes, for every UTF-16 code unit outside the surrogates.
    /// </summary>
    [Fact]
    public void NamePatternsAreTheReadersCharacterByCharacter()
    {
        var name = new Regex(Def("name")["pattern"]!.GetValue<string>());
        var guideline = new Regex(Def("guidelineId")["pattern"]!.GetValue<string>());
        var ruleName = new Regex(Def("ruleName")["pattern"]!.GetValue<string>());
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            var code = "U+" + i.ToString("X4", CultureInfo.InvariantCulture);
            var nameAllows = !char.IsWhiteSpace(c) && c != ';';
            Assert.True(name.IsMatch("a" + c + "b") == nameAllows, code + " in a name");
            Assert.True(name.IsMatch(c.ToString()) == nameAllows, code + " as a name");
            Assert.True(guideline.IsMatch("EK" + c) == RulesFileReader.IsGuidelineId("EK" + c), code + " in a guideline ID");
            Assert.True(guideline.IsMatch(c + "EK") == RulesFileReader.IsGuidelineId(c + "EK"), code + " at the start of a guideline ID");
            Assert.True(ruleName.IsMatch(c + "X") == !char.IsWhiteSpace(c), code + " at the start of a rule name");
            Assert.True(ruleName.IsMatch("X" + c) == !char.IsWhiteSpace(c), code + " at the end of a rule name");
            Assert.True(ruleName.IsMatch("X" + c + "Y"), code + " inside a rule name");
        }
    }

    // ---- reader and schema agree ----

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ReaderAndSchemaAgree(string name)
    {
        var (expected, text) = Cases.Value[name];
        var (readerValid, problems) = ReaderVerdict(text);
        var (schemaValid, errors) = SchemaVerdict(text);
        static string Say(bool valid) => valid ? "valid" : "invalid";
        Assert.True(
            readerValid == expected && schemaValid == expected,
            $"{name}: the table says {Say(expected)}, the reader {Say(readerValid)}, the schema {Say(schemaValid)}\n{text}\nreader:\n{problems}schema:\n{errors}");
    }

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Documents that are wrong only in what they mean: both say valid, and the merge does report them.</summary>
    [Theory]
    [InlineData("undeclared role in a rule", RuleIds.RulesFileUndeclaredName, """{ "rules": [ { "id": "CASE100", "kind": "mustDiffer", "title": "T", "message": "m", "call": "no-such-role", "first": "attester", "second": "prepared-by" } ] }""")]
    [InlineData("undeclared purpose in an entry", RuleIds.RulesFileUndeclaredName, """{ "symbols": [ { "id": "T:Legacy.Crm.Customer", "processingPurposes": [ "no-such-purpose" ] } ] }""")]
    [InlineData("undeclared category", RuleIds.RulesFileUndeclaredName, """{ "symbols": [ { "id": "P:Legacy.Crm.Customer.Email", "personalData": "no-such-category" } ] }""")]
    [InlineData("unknown guideline", RuleIds.RulesFileUnknownGuideline, """{ "rules": [ { "id": "CASE100", "kind": "coverNotSwallowed", "title": "T", "message": "m", "trigger": "person-lookup", "cover": "lookup-audit", "guidelines": "NO-SUCH-1" } ] }""")]
    [InlineData("the same rule ID twice", RuleIds.RulesFileDuplicateRuleId, """{ "rules": [ { "id": "CASE100", "kind": "coverNotSwallowed", "title": "T", "message": "m", "trigger": "person-lookup", "cover": "lookup-audit" }, { "id": "CASE100", "kind": "coverNotSwallowed", "title": "T", "message": "m", "trigger": "person-lookup", "cover": "lookup-audit" } ] }""")]
    public void OnlySemanticallyWrongIsValidForBoth(string name, string id, string text)
    {
        var (readerValid, problems) = ReaderVerdict(text);
        var (schemaValid, errors) = SchemaVerdict(text);
        Assert.True(readerValid, name + "\n" + problems);
        Assert.True(schemaValid, name + "\n" + errors);
        var document = RulesFileReader.Read("casecompliance.json", SourceText.From(text));
        var merged = RulesSet.Create(ImmutableArray.Create(document));
        Assert.Contains(merged.Problems, p => p.Problem.Descriptor.Id == id);
    }

    // ---- properties: subsets and additions of a rich document ----

    [Fact]
    public void RichDocumentIsValidForBoth()
    {
        var text = RichDocument().ToJsonString();
        Assert.True(ReaderVerdict(text).Valid, ReaderVerdict(text).Problems);
        Assert.True(SchemaVerdict(text).Valid, SchemaVerdict(text).Errors);
    }

    /// <summary>Dropping any set of optional properties (never a required one, nor an entry's last meaning) keeps the document valid for both.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomSubsetsOfARichDocumentStayValid(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var document = RichDocument();
            var dropped = new List<string>();
            var chance = random.NextDouble();
            Drop(document, "", random, chance, dropped);
            var text = document.ToJsonString();
            var (readerValid, problems) = ReaderVerdict(text);
            var (schemaValid, errors) = SchemaVerdict(text);
            var what = $"seed {seed}, round {round}, dropped {string.Join(", ", dropped)}";
            Assert.True(readerValid, what + "\n" + problems + "\n" + text);
            Assert.True(schemaValid, what + "\n" + errors + "\n" + text);
        }
    }

    [Fact]
    public void EverythingOptionalDroppedStaysValid()
    {
        var document = RichDocument();
        var dropped = new List<string>();
        Drop(document, "", new Random(0), 1.0, dropped);
        var text = document.ToJsonString();
        Assert.True(ReaderVerdict(text).Valid, ReaderVerdict(text).Problems + "\n" + text);
        Assert.True(SchemaVerdict(text).Valid, SchemaVerdict(text).Errors + "\n" + text);
    }

    /// <summary>An unknown property in any object of the rich document makes it invalid for both.</summary>
    [Fact]
    public void AnUnknownPropertyAnywhereIsInvalidForBoth()
    {
        var paths = new List<string>();
        Objects(RichDocument(), "", paths);
        Assert.True(paths.Count >= 25, paths.Count + " objects");
        foreach (var path in paths)
        {
            var document = RichDocument();
            var target = Find(document, path);
            target["zz-unknown"] = true;
            var text = document.ToJsonString();
            Assert.False(ReaderVerdict(text).Valid, "the reader accepts an unknown property at " + path);
            Assert.False(SchemaVerdict(text).Valid, "the schema accepts an unknown property at " + path);
        }
    }

    // ---- the table ----

    private static readonly Lazy<Dictionary<string, (bool Valid, string Text)>> Cases = new(BuildCases);

    private const string R = "\"id\": \"CASE100\", \"title\": \"Title\"";

    private static string Doc(string body) => "{ \"version\": 1, " + body + " }";

    private static string Symbols(string entries) => Doc("\"symbols\": [ " + entries + " ]");

    private static string Rules(string rules) => Doc("\"rules\": [ " + rules + " ]");

    /// <summary>A coverNotSwallowed rule (two required roles, placeholders cover, method, trigger) with the properties given.</summary>
    private static string Rule(string properties) =>
        Rules("{ " + R + ", \"kind\": \"coverNotSwallowed\", \"message\": \"'{cover}' in '{method}'\", \"trigger\": \"person-lookup\", \"cover\": \"lookup-audit\"" + properties + " }");

    private static string MustDiffer(string properties) =>
        Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"message\": \"'{call}': '{first}' is '{second}'\", \"call\": \"attestation\", \"first\": \"attester\", \"second\": \"prepared-by\"" + properties + " }");

    private static string Restriction(string properties) =>
        Rules("{ " + R + ", \"kind\": \"purposeRestriction\", \"message\": \"'{data}' in '{method}'\"" + properties + " }");

    private static Dictionary<string, (bool, string)> BuildCases()
    {
        var cases = new Dictionary<string, (bool, string)>(StringComparer.Ordinal);
        void Valid(string name, string text) => cases.Add(name, (true, text));
        void Invalid(string name, string text) => cases.Add(name, (false, text));

        // The document.
        Valid("empty object", "{}");
        Valid("version 1 with a $schema and comments", "// rules\n{ \"$schema\": \"./casecompliance.schema.json\", /* the format */ \"version\": 1, }");
        Invalid("version 2", "{ \"version\": 2 }");
        Invalid("version as a string", "{ \"version\": \"1\" }");
        Invalid("$schema as a number", "{ \"$schema\": 1 }");
        Invalid("unknown top-level property", "{ \"version\": 1, \"rule\": [] }");
        Invalid("the document is an array", "[]");
        Invalid("the document is a string", "\"casecompliance\"");
        Invalid("not JSON: the text ends inside the object", "{ \"version\": 1");

        // Declarations.
        Valid("purposes, grounds and roles declared", Doc("\"purposes\": { \"user-support\": \"answering a support request\" }, \"grounds\": { \"union-membership\": \"membership of a union\" }, \"roles\": { \"first-specialist\": \"the first reviewer\" }"));
        Valid("a role name with letters outside ASCII", Doc("\"roles\": { \"granskare-två\": \"the second reviewer\" }"));
        Invalid("purposes as an array", Doc("\"purposes\": [ \"user-support\" ]"));
        Invalid("a purpose name with a space", Doc("\"purposes\": { \"user support\": \"x\" }"));
        Invalid("a purpose name with ';'", Doc("\"purposes\": { \"a;b\": \"x\" }"));
        Invalid("an empty purpose name", Doc("\"purposes\": { \"\": \"x\" }"));
        Invalid("a role name ending in a line break", Doc("\"roles\": { \"reviewer\\n\": \"x\" }"));
        Invalid("a ground name with a no-break space", Doc("\"grounds\": { \"union\\u00A0membership\": \"x\" }"));
        Invalid("a purpose description that is a number", Doc("\"purposes\": { \"user-support\": 1 }"));
        Invalid("roles as a string", Doc("\"roles\": \"reviewer\""));

        // Categories.
        Valid("a category with description and default purposes", Doc("\"categories\": { \"sick-leave-history\": { \"description\": \"past sick leave\", \"defaultPurposes\": [ \"case-handling\" ] } }"));
        Valid("a category with nothing", Doc("\"categories\": { \"sick-leave-history\": {} }"));
        Invalid("a category with an unknown property", Doc("\"categories\": { \"sick-leave-history\": { \"purposes\": [ \"case-handling\" ] } }"));
        Invalid("default purposes as a single string", Doc("\"categories\": { \"sick-leave-history\": { \"defaultPurposes\": \"case-handling\" } }"));
        Invalid("a category that is a string", Doc("\"categories\": { \"sick-leave-history\": \"past sick leave\" }"));
        Invalid("a category name with a space", Doc("\"categories\": { \"sick leave\": {} }"));
        Invalid("a category description that is an array", Doc("\"categories\": { \"sick-leave-history\": { \"description\": [] } }"));

        // Guidelines.
        Valid("a guideline with every property", Doc("\"guidelines\": { \"SJP-TVA\": { \"source\": \"Sjukpenning 2021\", \"quote\": \"granskas av två specialister\", \"summary\": \"two reviewers\", \"shortPhrase\": \"two specialists\" } }"));
        Valid("a guideline with only its quote", Doc("\"guidelines\": { \"SJP-TVA\": { \"quote\": \"granskas av två specialister\" } }"));
        Valid("a guideline ID with letters outside ASCII, dots and underscores", Doc("\"guidelines\": { \"ÅTGÄRD-1.2_b\": { \"quote\": \"q\" } }"));
        Invalid("a guideline without its quote", Doc("\"guidelines\": { \"SJP-TVA\": { \"source\": \"Sjukpenning 2021\" } }"));
        Invalid("a guideline with an empty quote", Doc("\"guidelines\": { \"SJP-TVA\": { \"quote\": \"\" } }"));
        Invalid("a guideline ID starting with '-'", Doc("\"guidelines\": { \"-SJP\": { \"quote\": \"q\" } }"));
        Invalid("a guideline ID with a space", Doc("\"guidelines\": { \"SJP TVA\": { \"quote\": \"q\" } }"));
        Invalid("a guideline with an unknown property", Doc("\"guidelines\": { \"SJP-TVA\": { \"quote\": \"q\", \"text\": \"t\" } }"));
        Invalid("a guideline source that is a number", Doc("\"guidelines\": { \"SJP-TVA\": { \"quote\": \"q\", \"source\": 2021 } }"));

        // Symbol entries.
        Valid("personal data by category", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": \"contact\" }"));
        Valid("personal data with purposes", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": { \"category\": \"contact\", \"purposes\": [ \"case-handling\" ] } }"));
        Valid("an array of IDs with a wildcard and an exception", Symbols("{ \"id\": [ \"T:Legacy.Crm.Customer\", \"P:Legacy.Crm.Person.*\" ], \"except\": \"P:Legacy.Crm.Customer.Id\", \"personalData\": \"identity\" }"));
        Valid("roles as a single name", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find\", \"roles\": \"person-lookup\" }"));
        Valid("an empty array of processing purposes is a meaning", Symbols("{ \"id\": \"T:Legacy.Crm.Customer\", \"processingPurposes\": [] }"));
        Valid("a protected characteristic", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Gender\", \"protectedCharacteristic\": \"sex\" }"));
        Valid("a legal basis", Symbols("{ \"id\": \"T:SickPay.Rules.AgeRules\", \"legalBasis\": [ { \"reference\": \"SFB 15 kap. 2 §\", \"grounds\": [ \"age\" ] } ] }"));
        Valid("a legal basis without grounds", Symbols("{ \"id\": \"T:SickPay.Rules.AgeRules\", \"legalBasis\": [ { \"reference\": \"SFB 15 kap. 2 §\" } ] }"));
        Valid("parameters of a method", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find(System.String)\", \"parameters\": { \"pnr\": { \"personalData\": \"identity\", \"roles\": [ \"subject\" ], \"note\": \"the personnummer\" } } }"));
        Valid("an empty returns is a meaning", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find\", \"returns\": {} }"));
        Valid("returns with personal data and a note", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find\", \"returns\": { \"personalData\": \"identity\", \"protectedCharacteristic\": \"age\", \"note\": \"n\" } }"));
        Valid("an assembly with purposes", Symbols("{ \"id\": \"A:Legacy.Crm\", \"processingPurposes\": [ \"case-handling\" ] }"));
        Valid("a parameter ID with personal data", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find(System.String)#pnr\", \"personalData\": \"identity\" }"));
        Valid("a suggested entry with its reason and note", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": \"contact\", \"suggested\": true, \"reason\": \"named Email\", \"note\": \"check\" }"));
        Invalid("an entry without an ID", Symbols("{ \"personalData\": \"contact\" }"));
        Invalid("an empty array of IDs", Symbols("{ \"id\": [], \"personalData\": \"contact\" }"));
        Invalid("an ID that is not a documentation comment ID", Symbols("{ \"id\": \"Legacy.Crm.Customer\", \"personalData\": \"contact\" }"));
        Invalid("an ID with a space", Symbols("{ \"id\": \"P:Legacy.Crm.Customer Email\", \"personalData\": \"contact\" }"));
        Invalid("an ID of an unknown kind", Symbols("{ \"id\": \"X:Legacy.Crm.Customer\", \"personalData\": \"contact\" }"));
        Invalid("an array of IDs with a number", Symbols("{ \"id\": [ \"T:Legacy.Crm.Customer\", 1 ], \"personalData\": \"contact\" }"));
        Invalid("an empty exception list", Symbols("{ \"id\": \"T:Legacy.Crm.Customer\", \"except\": [], \"personalData\": \"contact\" }"));
        Invalid("an entry that gives no meaning", Symbols("{ \"id\": \"T:Legacy.Crm.Customer\", \"note\": \"nothing yet\" }"));
        Invalid("an entry whose only meaning is an empty role list", Symbols("{ \"id\": \"T:Legacy.Crm.Customer\", \"roles\": [] }"));
        Invalid("an entry whose only meaning is an empty legal basis list", Symbols("{ \"id\": \"T:Legacy.Crm.Customer\", \"legalBasis\": [] }"));
        Invalid("an entry whose only meaning is an empty parameter map", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find\", \"parameters\": {} }"));
        Invalid("personal data without a category", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": { \"purposes\": [ \"case-handling\" ] } }"));
        Invalid("personal data with an unknown property", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": { \"category\": \"contact\", \"retention\": 3 } }"));
        Invalid("personal data as true", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": true }"));
        Invalid("a personal-data category with a space", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": \"contact details\" }"));
        Invalid("personal-data purposes as a string", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": { \"category\": \"contact\", \"purposes\": \"case-handling\" } }"));
        Invalid("processing purposes as a single string", Symbols("{ \"id\": \"T:Legacy.Crm.Customer\", \"processingPurposes\": \"case-handling\" }"));
        Invalid("a protected characteristic as an array", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Gender\", \"protectedCharacteristic\": [ \"sex\" ] }"));
        Invalid("a legal basis without its reference", Symbols("{ \"id\": \"T:SickPay.Rules.AgeRules\", \"legalBasis\": [ { \"grounds\": [ \"age\" ] } ] }"));
        Invalid("a legal basis with an unknown property", Symbols("{ \"id\": \"T:SickPay.Rules.AgeRules\", \"legalBasis\": [ { \"reference\": \"SFB\", \"ground\": \"age\" } ] }"));
        Invalid("a legal basis as an object", Symbols("{ \"id\": \"T:SickPay.Rules.AgeRules\", \"legalBasis\": { \"reference\": \"SFB\" } }"));
        Invalid("legal basis grounds as a string", Symbols("{ \"id\": \"T:SickPay.Rules.AgeRules\", \"legalBasis\": [ { \"reference\": \"SFB\", \"grounds\": \"age\" } ] }"));
        Invalid("parameters of a property", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"parameters\": { \"value\": { \"personalData\": \"contact\" } } }"));
        Invalid("parameters when one of the IDs is not a method", Symbols("{ \"id\": [ \"M:Legacy.Search.PersonFinder.Find\", \"T:Legacy.Search.PersonFinder\" ], \"parameters\": { \"pnr\": { \"roles\": \"subject\" } } }"));
        Invalid("a parameter with an unknown property", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find\", \"parameters\": { \"pnr\": { \"processingPurposes\": [ \"case-handling\" ] } } }"));
        Invalid("a parameter that is a string", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find\", \"parameters\": { \"pnr\": \"subject\" } }"));
        Invalid("returns of a type", Symbols("{ \"id\": \"T:Legacy.Search.PersonFinder\", \"returns\": { \"personalData\": \"identity\" } }"));
        Invalid("returns with roles", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find\", \"returns\": { \"roles\": \"subject\" } }"));
        Invalid("returns as a string", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find\", \"returns\": \"identity\" }"));
        Invalid("an assembly with personal data", Symbols("{ \"id\": \"A:Legacy.Crm\", \"personalData\": \"identity\" }"));
        Invalid("an assembly among the IDs with a protected characteristic", Symbols("{ \"id\": [ \"T:Legacy.Crm.Customer\", \"A:Legacy.Crm\" ], \"protectedCharacteristic\": \"sex\" }"));
        Invalid("a parameter ID with processing purposes", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find(System.String)#pnr\", \"processingPurposes\": [ \"case-handling\" ] }"));
        Invalid("a parameter ID with a legal basis", Symbols("{ \"id\": [ \"M:Legacy.Search.PersonFinder.Find*#pnr\" ], \"roles\": \"subject\", \"legalBasis\": [ { \"reference\": \"SFB\" } ] }"));
        Invalid("suggested as a string", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": \"contact\", \"suggested\": \"yes\" }"));
        Invalid("an entry note that is a number", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": \"contact\", \"note\": 1 }"));
        Invalid("an entry with an unknown property", Symbols("{ \"id\": \"P:Legacy.Crm.Customer.Email\", \"personalData\": \"contact\", \"meaning\": \"contact\" }"));
        Invalid("an entry role name with a space", Symbols("{ \"id\": \"M:Legacy.Search.PersonFinder.Find\", \"roles\": [ \"person lookup\" ] }"));
        Invalid("symbols as an object", Doc("\"symbols\": { \"id\": \"T:Legacy.Crm.Customer\" }"));
        Invalid("a symbols entry that is a string", Symbols("\"T:Legacy.Crm.Customer\""));

        // Rules: the common properties.
        Valid("a rule with every common property", MustDiffer(", \"name\": \"SJP-TVA-SPECIALISTER\", \"description\": \"d\", \"severity\": \"warning\", \"helpLink\": \"https://intranet.example/rules/CASE100\", \"guidelines\": [ \"SJP-TVA\", \"EK-SKATT-1\" ], \"statutes\": [ \"FL 16 §\" ], \"note\": \"n\""));
        Valid("severity suggestion", MustDiffer(", \"severity\": \"suggestion\""));
        Valid("severity none", MustDiffer(", \"severity\": \"none\""));
        Valid("a single guideline as a string", MustDiffer(", \"guidelines\": \"EK-SKATT-1\""));
        Valid("the last custom ID", MustDiffer(string.Empty).Replace("CASE100", "CASE199", StringComparison.Ordinal));
        Valid("literal braces in a message", Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"message\": \"{{{call}}} and {{first}}\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Valid("a message that is only spaces", Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"message\": \" \", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("a rule without a title", Rules("{ \"id\": \"CASE100\", \"kind\": \"mustDiffer\", \"message\": \"m\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("a rule without a message", Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("a rule with an empty message", Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"message\": \"\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("a rule with an empty title", Rules("{ \"id\": \"CASE100\", \"title\": \"\", \"kind\": \"mustDiffer\", \"message\": \"m\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("a rule without an ID", Rules("{ \"title\": \"T\", \"kind\": \"mustDiffer\", \"message\": \"m\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("a rule without a kind", Rules("{ " + R + ", \"message\": \"m\" }"));
        Invalid("a rule ID above the custom range", MustDiffer(string.Empty).Replace("CASE100", "CASE200", StringComparison.Ordinal));
        Invalid("a rule ID below the custom range", MustDiffer(string.Empty).Replace("CASE100", "CASE099", StringComparison.Ordinal));
        Invalid("a rule ID of the rules-file errors", MustDiffer(string.Empty).Replace("CASE100", "CASE901", StringComparison.Ordinal));
        Invalid("a rule ID with two digits", MustDiffer(string.Empty).Replace("CASE100", "CASE10", StringComparison.Ordinal));
        Invalid("a rule ID in lower case", MustDiffer(string.Empty).Replace("CASE100", "case100", StringComparison.Ordinal));
        Invalid("a rule ID with a final line break", MustDiffer(string.Empty).Replace("CASE100", "CASE100\\n", StringComparison.Ordinal));
        Invalid("a rule's own label as its ID", MustDiffer(string.Empty).Replace("CASE100", "SJP-TVA", StringComparison.Ordinal));
        Invalid("a rule ID that is a number", MustDiffer(string.Empty).Replace("\"CASE100\"", "100", StringComparison.Ordinal));
        Invalid("an unknown kind", Rules("{ " + R + ", \"kind\": \"mustdiffer\", \"message\": \"m\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("the built-in-only kind knownName in a custom rule", Rules("{ " + R + ", \"kind\": \"knownName\", \"message\": \"'{value}' is unknown{suggestion}\", \"catalog\": \"purposes\" }"));
        Invalid("a kind that is a number", Rules("{ " + R + ", \"kind\": 3, \"message\": \"m\" }"));
        Invalid("an unknown severity", MustDiffer(", \"severity\": \"warn\""));
        Invalid("severity in upper case", MustDiffer(", \"severity\": \"Warning\""));
        Invalid("a relative help link", MustDiffer(", \"helpLink\": \"docs/rules/CASE100.md\""));
        Invalid("a help link that is a number", MustDiffer(", \"helpLink\": 100"));
        Invalid("a rule name with a leading space", MustDiffer(", \"name\": \" SJP-TVA\""));
        Invalid("a rule name with a trailing tab", MustDiffer(", \"name\": \"SJP-TVA\\t\""));
        Invalid("an empty rule name", MustDiffer(", \"name\": \"\""));
        Invalid("a guideline ID with a space among the guidelines", MustDiffer(", \"guidelines\": [ \"EK SKATT\" ]"));
        Invalid("a single guideline with ';'", MustDiffer(", \"guidelines\": \"EK;SKATT\""));
        Invalid("guidelines as a number", MustDiffer(", \"guidelines\": 1"));
        Invalid("statutes as a string", MustDiffer(", \"statutes\": \"FL 16 §\""));
        Invalid("a statute that is a number", MustDiffer(", \"statutes\": [ 16 ]"));
        Invalid("a rule note that is an object", MustDiffer(", \"note\": {}"));
        Invalid("a rule description that is true", MustDiffer(", \"description\": true"));
        Invalid("an unknown rule property", MustDiffer(", \"enabled\": true"));
        Invalid("a parameter of another kind", MustDiffer(", \"sinks\": [ \"log\" ]"));
        Invalid("a placeholder of another kind", Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"message\": \"'{trigger}' twice\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("an empty placeholder", Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"message\": \"'{}' twice\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("a stray closing brace", Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"message\": \"'{call}' } twice\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("an unclosed placeholder", Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"message\": \"'{call' twice\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("a placeholder in the wrong case", Rules("{ " + R + ", \"kind\": \"mustDiffer\", \"message\": \"'{Call}' twice\", \"call\": \"a\", \"first\": \"b\", \"second\": \"c\" }"));
        Invalid("rules as an object", Doc("\"rules\": { \"id\": \"CASE100\" }"));
        Invalid("a rules entry that is a string", Rules("\"CASE100\""));

        // Rules: the parameter types.
        Valid("parameter: roles as an empty array", MustDiffer(string.Empty).Replace("\"call\": \"attestation\"", "\"call\": []", StringComparison.Ordinal));
        Valid("parameter: roles as an array", MustDiffer(string.Empty).Replace("\"call\": \"attestation\"", "\"call\": [ \"attestation\", \"rejection-review\" ]", StringComparison.Ordinal));
        Invalid("parameter: roles as a number", MustDiffer(string.Empty).Replace("\"call\": \"attestation\"", "\"call\": 1", StringComparison.Ordinal));
        Invalid("parameter: a role with a space", MustDiffer(string.Empty).Replace("\"call\": \"attestation\"", "\"call\": [ \"rejection review\" ]", StringComparison.Ordinal));
        Invalid("parameter: a role that is an object", MustDiffer(string.Empty).Replace("\"call\": \"attestation\"", "\"call\": [ {} ]", StringComparison.Ordinal));
        Valid("parameter: purposes as a single string", Restriction(", \"purposes\": \"case-handling\""));
        Valid("parameter: purposes as an array", Restriction(", \"purposes\": [ \"case-handling\", \"statistics\" ]"));
        Invalid("parameter: purposes as an object", Restriction(", \"purposes\": { \"case-handling\": true }"));
        Invalid("parameter: a purpose with ';'", Restriction(", \"purposes\": [ \"case;handling\" ]"));
        Valid("parameter: a choice", Restriction(", \"report\": \"undeclared\""));
        Invalid("parameter: a choice out of range", Restriction(", \"report\": \"inside\""));
        Invalid("parameter: a choice in the wrong case", Restriction(", \"report\": \"Outside\""));
        Invalid("parameter: a choice that is a number", Restriction(", \"report\": 0"));
        Valid("parameter: a flag", Restriction(", \"exemptDeclaringType\": false"));
        Invalid("parameter: a flag as a string", Restriction(", \"exemptDeclaringType\": \"false\""));
        Invalid("parameter: a flag as a number", Restriction(", \"exemptDeclaringType\": 0"));
        Valid("parameter: data any", Restriction(", \"data\": \"any\""));
        Valid("parameter: data as an empty object", Restriction(", \"data\": {}"));
        Valid("parameter: data with single names and lists", Restriction(", \"data\": { \"categories\": \"health\", \"grounds\": [ \"*\" ], \"roles\": [ \"subject\" ] }"));
        Invalid("parameter: data as another word", Restriction(", \"data\": \"all\""));
        Invalid("parameter: data as an array", Restriction(", \"data\": [ \"health\" ]"));
        Invalid("parameter: data with an unknown property", Restriction(", \"data\": { \"category\": \"health\" }"));
        Invalid("parameter: data with a category that is a number", Restriction(", \"data\": { \"categories\": [ 1 ] }"));
        Valid("parameter: globs", Rules("{ " + R + ", \"kind\": \"guardBefore\", \"message\": \"'{trigger}'\", \"trigger\": \"disbursement\", \"status\": \"attestation-status\", \"passedValues\": [ \"*attest*\" ], \"failedValues\": [] }"));
        Invalid("parameter: globs as a string", Rules("{ " + R + ", \"kind\": \"guardBefore\", \"message\": \"'{trigger}'\", \"trigger\": \"disbursement\", \"status\": \"attestation-status\", \"passedValues\": \"*attest*\" }"));
        Invalid("parameter: a glob that is a number", Rules("{ " + R + ", \"kind\": \"guardBefore\", \"message\": \"'{trigger}'\", \"trigger\": \"disbursement\", \"status\": \"attestation-status\", \"passedValues\": [ 1 ] }"));
        Valid("parameter: text", Rules("{ " + R + ", \"kind\": \"requiredValue\", \"message\": \"'{type}'\", \"type\": \"decision-record\", \"member\": \"reasoning\", \"fixPlaceholder\": \"\" }"));
        Invalid("parameter: text as an array", Rules("{ " + R + ", \"kind\": \"requiredValue\", \"message\": \"'{type}'\", \"type\": \"decision-record\", \"member\": \"reasoning\", \"fixPlaceholder\": [ \"why\" ] }"));
        Invalid("parameter: guardBefore with neither cover nor status", Rules("{ " + R + ", \"kind\": \"guardBefore\", \"message\": \"'{trigger}'\", \"trigger\": \"disbursement\", \"checkedResult\": true }"));
        Invalid("parameter: guardedBody with neither cover nor compareWith", Rules("{ " + R + ", \"kind\": \"guardedBody\", \"message\": \"'{method}'\", \"trigger\": \"attestation\", \"comparedParameter\": \"attester\" }"));
        Valid("parameter: guardedBody with compareWith only", Rules("{ " + R + ", \"kind\": \"guardedBody\", \"message\": \"'{method}'\", \"trigger\": \"attestation\", \"compareWith\": \"prepared-by\" }"));

        // Every kind an architect may use: with every parameter, and without each required one.
        foreach (var kind in RuleKind.All.Where(k => !k.BuiltInOnly))
        {
            Valid($"{kind.Name} with every parameter", Rules(KindRule(kind, omit: null)));
            foreach (var parameter in kind.Parameters.Where(p => p.Required))
            {
                Invalid($"{kind.Name} without {parameter.Name}", Rules(KindRule(kind, omit: parameter.Name)));
            }
        }

        return cases;
    }

    /// <summary>A rule of the kind with a value for every parameter (but <paramref name="omit"/>) and a message with every placeholder.</summary>
    private static string KindRule(RuleKind kind, string? omit)
    {
        var rule = new Nodes.JsonObject
        {
            ["id"] = "CASE150",
            ["kind"] = kind.Name,
            ["title"] = "A rule of " + kind.Name,
            ["message"] = string.Join(" ", kind.Placeholders.Select(p => "'{" + p.Name + "}'")),
        };
        foreach (var parameter in kind.Parameters)
        {
            if (parameter.Name != omit)
            {
                rule[parameter.Name] = SampleValue(parameter);
            }
        }

        return rule.ToJsonString();
    }

    private static Nodes.JsonNode SampleValue(KindParameter parameter) => parameter.Type switch
    {
        ParameterType.Roles => new Nodes.JsonArray("role-" + parameter.Name.ToLowerInvariant()),
        ParameterType.Purposes => new Nodes.JsonArray("case-handling"),
        ParameterType.Bool => Nodes.JsonValue.Create(true),
        ParameterType.Globs => new Nodes.JsonArray("*" + parameter.Name + "*"),
        ParameterType.Data => new Nodes.JsonObject { ["categories"] = new Nodes.JsonArray("health"), ["grounds"] = "*" },
        ParameterType.Choice => Nodes.JsonValue.Create(parameter.Choices[parameter.Choices.Length - 1]),
        ParameterType.Text => Nodes.JsonValue.Create("some text for " + parameter.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
    };

    // ---- the rich document ----

    /// <summary>
    /// A document that uses every property somewhere. Properties named in <see cref="Keep"/> (and each rule's required
    /// properties) stay in <see cref="Drop"/>: the required ones, and one meaning of each entry.
    /// </summary>
    private static Nodes.JsonObject RichDocument()
    {
        const string Text = """
            {
              "$schema": "./casecompliance.schema.json",
              "version": 1,
              "purposes": { "user-support": "answering a citizen's support request" },
              "grounds": { "union-membership": "membership of a trade union" },
              "roles": { "rejection-review": "approves a rejection", "first-specialist": "the first reviewer", "second-specialist": "the second reviewer" },
              "categories": { "sick-leave-history": { "description": "past sick leave", "defaultPurposes": [ "case-handling" ] } },
              "guidelines": { "SJP-TVA": { "source": "Sjukpenning 2021, kap. 3.1.2", "quote": "granskas av två olika specialister", "summary": "two reviewers", "shortPhrase": "Sjukpenning: två specialister" } },
              "symbols": [
                {
                  "id": [ "P:Legacy.Crm.Customer.Email", "P:Legacy.Crm.Customer.Phone" ],
                  "except": [ "P:Legacy.Crm.Customer.Id" ],
                  "personalData": { "category": "contact", "purposes": [ "case-handling", "user-support" ] },
                  "roles": [ "subject" ],
                  "note": "contact details",
                  "suggested": true,
                  "reason": "named like contact data"
                },
                {
                  "id": "M:Legacy.Search.PersonFinder.Find(System.String)",
                  "roles": "person-lookup",
                  "processingPurposes": [ "case-handling" ],
                  "legalBasis": [ { "reference": "SFB 15 kap. 2 §", "grounds": [ "age" ] } ],
                  "parameters": { "pnr": { "personalData": "identity", "protectedCharacteristic": "age", "roles": [ "subject" ], "note": "the personnummer" } },
                  "returns": { "personalData": { "category": "sick-leave-history" }, "protectedCharacteristic": "union-membership", "note": "the person" }
                },
                { "id": "P:Legacy.Crm.Customer.Gender", "protectedCharacteristic": "sex", "note": "as registered" }
              ],
              "rules": []
            }
            """;
        var document = (Nodes.JsonObject)Nodes.JsonNode.Parse(Text)!;
        var rules = (Nodes.JsonArray)document["rules"]!;
        var number = 100;
        foreach (var kind in RuleKind.All.Where(k => !k.BuiltInOnly))
        {
            var rule = (Nodes.JsonObject)Nodes.JsonNode.Parse(KindRule(kind, omit: null))!;
            rule["id"] = RuleIds.Custom(number++);
            rule["name"] = "SJP-" + kind.Name.ToUpperInvariant();
            rule["description"] = "what the rule checks";
            rule["severity"] = "warning";
            rule["helpLink"] = "https://intranet.example/rules/" + rule["id"]!.GetValue<string>();
            rule["guidelines"] = new Nodes.JsonArray("SJP-TVA", "EK-SKATT-1");
            rule["statutes"] = new Nodes.JsonArray("Förvaltningslagen (2017:900) 16 §");
            rule["note"] = "kept for review";
            rules.Add(rule);
        }

        return document;
    }

    /// <summary>Paths (slash-separated) whose property a subset must keep.</summary>
    private static readonly HashSet<string> Keep = new(StringComparer.Ordinal)
    {
        "/guidelines/SJP-TVA/quote",
        "/symbols/0/id", "/symbols/0/personalData", "/symbols/0/personalData/category",
        "/symbols/1/id", "/symbols/1/returns", "/symbols/1/returns/personalData/category", "/symbols/1/legalBasis/0/reference",
        "/symbols/2/id", "/symbols/2/protectedCharacteristic",
    };

    private static bool MustKeep(string path, Nodes.JsonObject owner, string name)
    {
        if (Keep.Contains(path))
        {
            return true;
        }

        if (path.StartsWith("/rules/", StringComparison.Ordinal) && path.Count(c => c == '/') == 3)
        {
            var kind = RuleKind.Find(owner["kind"]!.GetValue<string>())!;
            return name is "id" or "kind" or "title" or "message"
                || kind.Parameter(name) is { Required: true }
                || (!kind.RequiresOneOf.IsEmpty && kind.RequiresOneOf[0] == name);
        }

        return false;
    }

    private static void Drop(Nodes.JsonNode? node, string path, Random random, double chance, List<string> dropped)
    {
        if (node is Nodes.JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                var child = path + "/" + name;
                if (!MustKeep(child, obj, name) && random.NextDouble() < chance)
                {
                    obj.Remove(name);
                    dropped.Add(child);
                }
                else
                {
                    Drop(obj[name], child, random, chance, dropped);
                }
            }
        }
        else if (node is Nodes.JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Drop(array[i], path + "/" + i.ToString(CultureInfo.InvariantCulture), random, chance, dropped);
            }
        }
    }

    private static void Objects(Nodes.JsonNode? node, string path, List<string> paths)
    {
        if (node is Nodes.JsonObject obj)
        {
            paths.Add(path);
            foreach (var (name, child) in obj)
            {
                Objects(child, path + "/" + name, paths);
            }
        }
        else if (node is Nodes.JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Objects(array[i], path + "/" + i.ToString(CultureInfo.InvariantCulture), paths);
            }
        }
    }

    private static Nodes.JsonObject Find(Nodes.JsonNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is Nodes.JsonArray array ? array[int.Parse(part, CultureInfo.InvariantCulture)]! : node[part]!;
        }

        return (Nodes.JsonObject)node;
    }

    // ---- verdicts ----

    private static (bool Valid, string Problems) ReaderVerdict(string text)
    {
        var document = RulesFileReader.Read("casecompliance.json", SourceText.From(text));
        var problems = new StringBuilder();
        var valid = true;
        foreach (var problem in document.Problems)
        {
            var structural = StructuralIds.Contains(problem.Descriptor.Id);
            valid &= !structural;
            var message = string.Format(CultureInfo.InvariantCulture, problem.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), problem.Arguments);
            problems.Append(problem.Descriptor.Id).Append(structural ? string.Empty : " (not structural)").Append(" at ").Append(document.Describe(problem.Span)).Append(": ").AppendLine(message);
        }

        return (valid, problems.ToString());
    }

    private static (bool Valid, string Errors) SchemaVerdict(string text)
    {
        Stj.JsonDocument json;
        try
        {
            json = Stj.JsonDocument.Parse(text, ReadOptions);
        }
        catch (Stj.JsonException e)
        {
            return (false, "not JSON: " + e.Message);
        }

        using (json)
        {
            var results = Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid)
            {
                return (true, string.Empty);
            }

            var errors = new StringBuilder();
            foreach (var detail in results.Details ?? (IReadOnlyList<EvaluationResults>)Array.Empty<EvaluationResults>())
            {
                foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
                {
                    errors.Append(detail.InstanceLocation).Append(' ').Append(detail.EvaluationPath).Append(' ').Append(keyword).Append(": ").AppendLine(message);
                }
            }

            return (false, errors.ToString());
        }
    }

    // ---- the schema's tree ----

    private static Nodes.JsonObject Def(string name) => (Nodes.JsonObject)SchemaTree["$defs"]![name]!;

    /// <summary>The schema a rule of the kind must also follow: the <c>then</c> of the branch whose <c>if</c> names the kind.</summary>
    private static Nodes.JsonObject KindBranch(string kind)
    {
        var branches = ((Nodes.JsonArray)Def("rule")["allOf"]!).Where(b => b!["if"]?["properties"]?["kind"]?["const"]?.GetValue<string>() == kind).ToList();
        var then = Assert.Single(branches)!["then"]!;
        var reference = then["$ref"]!.GetValue<string>();
        Assert.StartsWith("#/$defs/", reference, StringComparison.Ordinal);
        return Def(reference.Substring("#/$defs/".Length));
    }

    private static string TypeDefinition(ParameterType type) => type switch
    {
        ParameterType.Roles => "#/$defs/roleNames",
        ParameterType.Purposes => "#/$defs/purposeNames",
        ParameterType.Bool => "#/$defs/flag",
        ParameterType.Globs => "#/$defs/globs",
        ParameterType.Data => "#/$defs/data",
        ParameterType.Text => "#/$defs/text",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static IEnumerable<string> Strings(Nodes.JsonNode? array) => ((Nodes.JsonArray)array!).Select(n => n!.GetValue<string>());

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
