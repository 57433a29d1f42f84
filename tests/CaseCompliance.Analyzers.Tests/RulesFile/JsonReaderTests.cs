using System.Globalization;
using System.Text;
using CaseCompliance.Analyzers.RulesFile;
using Microsoft.CodeAnalysis.Text;
using Stj = System.Text.Json;

namespace CaseCompliance.Analyzers.Tests.RulesFile;

/// <summary>The rules file's JSON reader: values, spans, the relaxations, every syntax error, and input that must not break it.</summary>
public class JsonReaderTests
{
    /// <summary>
    /// A rules file as an architect would write it: comments in several places, trailing commas, escapes of every kind,
    /// Swedish text, numbers of every shape, nesting. No raw characters outside the BMP, so that System.Text.Json
    /// (which rejects a lone surrogate when a mutation splits a pair) stays a fair oracle in the fuzz test.
    /// </summary>
    private const string RulesFile = """
        // casecompliance.json: the architect's rules for the sick-pay case system.
        {
          "version": 1,
          /* Custom roles, each with a line that says what it means. */
          "roles": {
            "rejection-review": "approves a proposal to reject sick pay because work capacity is not judged \"reduced\"",
            "first-specialist": "the first specialist who reviews the proposal",
            "second-specialist": "the second specialist, from another business area", // a trailing comma follows
          },
          "purposes": [ "case-handling", "fraud-prevention", "försäkringsmedicin\/granskning" ],
          "categories": {
            "health": { "purposes": [ "case-handling" ], "retentionDays": 3650, "weight": 0.75 },
            "identity": { "purposes": [], "retentionDays": -1, "weight": 2.5e3 },
            "empty": {}
          },
          "symbols": [
            {
              "id": "M:SickPay.Review.RejectionReview.Approve(SickPay.Domain.SickPayCase,SickPay.Staff.Specialist,SickPay.Staff.Specialist)",
              "roles": [ "rejection-review" ],
              "parameters": {
                "first": { "roles": [ "first-specialist" ] },
                "second": { "roles": [ "second-specialist", ] },
              },
            },
            {
              "id": "P:SickPay.Domain.SickPayCase.Personnummer",
              "roles": [ "subject" ],
              "personalData": true,
              "redactor": null
            }
          ],
          "rules": [
            {
              "id": "FK100",
              "kind": "mustDiffer",
              "title": "Rejection reviewed by one specialist",
              "message": "'{0}' approves a rejection that '{1}' and '{2}' review,\nbut they are the same specialist",
              "severity": "warning",
              "enabled": true,
              "helpLink": "https:\/\/intranet.example\/casecompliance\/FK100",
              "guideline": "SJP-TVA-SPECIALISTER",
              "quote": "alla \u00f6verv\u00e4ganden granskas av tv\u00e5 specialister \uD83D\uDE00",
              "call": "rejection-review",
              "first": "first-specialist",
              "second": "second-specialist"
            },
            {
              "id": "FK101",
              "kind": "guardedBody",
              "title": "Rejection review without a check of the second specialist",
              "message": "tab\tseparated, back\\slash, bell\u0007 and C:\\cases\\*.json",
              "trigger": "rejection-review",
              "compareWith": "second-specialist",
              "deprecated": false,
              "limits": { "maxPaths": 1000, "ratio": 1E-3 } /* no comma before the brace */
            },
          ]
        }

        """;

    private static readonly Stj.JsonDocumentOptions RelaxedStj = new()
    {
        CommentHandling = Stj.JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = JsonDocument.MaxDepth,
    };

    // ---- Valid documents --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("true", "True", "boolean")]
    [InlineData("false", "False", "boolean")]
    [InlineData("null", "Null", "null")]
    [InlineData("\"text\"", "String", "string")]
    [InlineData("-12.5e3", "Number", "number")]
    [InlineData("{}", "Object", "object")]
    [InlineData("[]", "Array", "array")]
    public void Every_kind_can_be_the_whole_document(string text, string kindText, string kindName)
    {
        var kind = Enum.Parse<JsonKind>(kindText);
        var root = ParseValid(" " + text + "\n");

        Assert.Equal(kind, root.Kind);
        Assert.Equal(kindName, root.KindName);
        Assert.Equal(new TextSpan(1, text.Length), root.Span);
        Assert.False(root.Properties.IsDefault);
        Assert.False(root.Items.IsDefault);
        Assert.Empty(root.Properties);
        Assert.Empty(root.Items);
        Assert.Null(root["anything"]);
        if (kind != JsonKind.String)
        {
            Assert.Null(root.String);
        }

        if (kind != JsonKind.Number)
        {
            Assert.Null(root.NumberText);
            Assert.False(root.IsInteger);
        }
    }

    [Fact]
    public void Nested_values_keep_their_kinds_order_and_exact_spans()
    {
        const string text = "{\n  \"id\": \"FK100\",\n  \"on\": true,\n  \"list\": [ 1, -2.5, null, { \"deep\": [ [], {} ] } ],\n  \"off\": false\n}";
        var root = ParseValid(text);

        Assert.Equal(JsonKind.Object, root.Kind);
        Assert.Equal(text, At(text, root.Span));
        Assert.Equal(new[] { "id", "on", "list", "off" }, root.Properties.Select(p => p.Name));
        Assert.Equal(new[] { "\"id\"", "\"on\"", "\"list\"", "\"off\"" }, root.Properties.Select(p => At(text, p.NameSpan)));
        Assert.Equal(new[] { "\"FK100\"", "true", "[ 1, -2.5, null, { \"deep\": [ [], {} ] } ]", "false" }, root.Properties.Select(p => At(text, p.Value.Span)));

        Assert.Equal("FK100", root["id"]!.String);
        Assert.Equal(JsonKind.True, root["on"]!.Kind);
        Assert.Equal(JsonKind.False, root["off"]!.Kind);

        var list = root["list"]!;
        Assert.Equal(new[] { JsonKind.Number, JsonKind.Number, JsonKind.Null, JsonKind.Object }, list.Items.Select(i => i.Kind));
        Assert.Equal(new[] { "1", "-2.5", "null", "{ \"deep\": [ [], {} ] }" }, list.Items.Select(i => At(text, i.Span)));
        Assert.Equal(1d, list.Items[0].Number);
        Assert.Equal(-2.5, list.Items[1].Number);

        var deep = list.Items[3]["deep"]!;
        Assert.Equal("[ [], {} ]", At(text, deep.Span));
        Assert.Equal("\"deep\"", At(text, list.Items[3].Properties[0].NameSpan));
        Assert.Equal(new[] { "[]", "{}" }, deep.Items.Select(i => At(text, i.Span)));
        Assert.Equal(new[] { JsonKind.Array, JsonKind.Object }, deep.Items.Select(i => i.Kind));
    }

    [Fact]
    public void Whitespace_and_comments_inside_empty_containers_belong_to_their_span()
    {
        const string text = "[ { /* nothing */ }, [\n// nothing\n], {\t}, [ ] ]";
        var root = ParseValid(text);

        Assert.Equal(new[] { "{ /* nothing */ }", "[\n// nothing\n]", "{\t}", "[ ]" }, root.Items.Select(i => At(text, i.Span)));
        Assert.All(root.Items, i => Assert.True(i.Properties.IsEmpty && i.Items.IsEmpty));
    }

    [Fact]
    public void The_realistic_rules_file_reads_with_its_values_and_spans()
    {
        var root = ParseValid(RulesFile);

        Assert.Equal(RulesFile.IndexOf('{'), root.Span.Start);
        Assert.Equal(RulesFile.LastIndexOf('}') + 1, root.Span.End);
        Assert.Equal(new[] { "version", "roles", "purposes", "categories", "symbols", "rules" }, root.Properties.Select(p => p.Name));

        var version = root["version"]!;
        Assert.True(version.IsInteger);
        Assert.Equal(1d, version.Number);
        Assert.Equal("1", version.NumberText);

        var roles = root["roles"]!;
        Assert.Equal(3, roles.Properties.Length);
        Assert.Equal("approves a proposal to reject sick pay because work capacity is not judged \"reduced\"", roles["rejection-review"]!.String);
        Assert.Equal("\"second-specialist\"", At(RulesFile, roles.Properties[2].NameSpan));
        Assert.Equal("\"the second specialist, from another business area\"", At(RulesFile, roles.Properties[2].Value.Span));

        Assert.Equal(new[] { "case-handling", "fraud-prevention", "försäkringsmedicin/granskning" }, root["purposes"]!.Items.Select(i => i.String));

        var categories = root["categories"]!;
        Assert.Equal(0.75, categories["health"]!["weight"]!.Number);
        Assert.False(categories["health"]!["weight"]!.IsInteger);
        Assert.Equal(-1d, categories["identity"]!["retentionDays"]!.Number);
        Assert.True(categories["identity"]!["retentionDays"]!.IsInteger);
        Assert.Equal(2500d, categories["identity"]!["weight"]!.Number);
        Assert.Equal("2.5e3", categories["identity"]!["weight"]!.NumberText);
        Assert.Empty(categories["identity"]!["purposes"]!.Items);
        Assert.Equal("{}", At(RulesFile, categories["empty"]!.Span));

        var symbols = root["symbols"]!.Items;
        Assert.Equal(2, symbols.Length);
        Assert.Equal("second-specialist", symbols[0]["parameters"]!["second"]!["roles"]!.Items.Single().String);
        Assert.Equal(JsonKind.True, symbols[1]["personalData"]!.Kind);
        Assert.Equal(JsonKind.Null, symbols[1]["redactor"]!.Kind);

        var rules = root["rules"]!.Items;
        Assert.Equal(2, rules.Length);
        Assert.Equal("'{0}' approves a rejection that '{1}' and '{2}' review,\nbut they are the same specialist", rules[0]["message"]!.String);
        Assert.Equal("https://intranet.example/casecompliance/FK100", rules[0]["helpLink"]!.String);
        Assert.Equal("alla överväganden granskas av två specialister 😀", rules[0]["quote"]!.String);
        Assert.Equal("tab\tseparated, back\\slash, bell\u0007 and C:\\cases\\*.json", rules[1]["message"]!.String);
        Assert.Equal(0.001, rules[1]["limits"]!["ratio"]!.Number);
        Assert.Equal("{ \"maxPaths\": 1000, \"ratio\": 1E-3 }", At(RulesFile, rules[1]["limits"]!.Span));

        // The strongest check: every value, name and span against System.Text.Json, which allows the same relaxations when asked.
        using var reference = Stj.JsonDocument.Parse(RulesFile, RelaxedStj);
        AssertSameAsStj(RulesFile, root, reference.RootElement);
    }

    [Fact]
    public void Parsing_a_SourceText_gives_the_same_spans_as_parsing_its_string()
    {
        var source = SourceText.From("{\r\n  \"a\": [1, \"x\"]\r\n}\r\n");
        var root = JsonDocument.Parse(source).Root!;
        var text = source.ToString();

        Assert.Equal("[1, \"x\"]", source.ToString(root["a"]!.Span));
        Assert.Equal(new LinePosition(1, 2), source.Lines.GetLinePosition(root.Properties[0].NameSpan.Start));
        Assert.Equal(JsonDocument.Parse(text).Root!["a"]!.Items[1].Span, root["a"]!.Items[1].Span);
    }

    // ---- Strings and numbers ----------------------------------------------------------------------------------

    [Theory]
    [InlineData(@"""plain""", "plain")]
    [InlineData(@"""""", "")]
    [InlineData(@"""\"" \\ \/ \b \f \n \r \t""", "\" \\ / \b \f \n \r \t")]
    [InlineData(@"""\u0041\u00e9\u00C9\u20AC""", "AéÉ€")]
    [InlineData(@"""\u0000""", "\0")]
    [InlineData(@"""\uD83D\uDE00 and \ud83d\ude00""", "😀 and 😀")]
    [InlineData(@"""raw åäö 😀 \u007F and / """, "raw åäö 😀 \u007F and / ")]
    [InlineData(@"""ends with escape\\""", "ends with escape\\")]
    [InlineData(@"""\\\\\\""", "\\\\\\")]
    [InlineData("\"raw \u2028 and \u2029 are allowed in strings\"", "raw \u2028 and \u2029 are allowed in strings")]
    public void Strings_decode_every_escape(string literal, string expected)
    {
        var text = "[" + literal + "]";
        var node = ParseValid(text).Items.Single();

        Assert.Equal(JsonKind.String, node.Kind);
        Assert.Equal(expected, node.String);
        Assert.Equal(literal, At(text, node.Span));
    }

    [Fact]
    public void A_lone_surrogate_escape_is_kept_as_written()
    {
        // Theory data would not survive the runner's serialization of a lone surrogate, hence one fact.
        Assert.Equal("a\uD83Dz", ParseValid(@"""a\uD83Dz""").String);
        Assert.Equal("\uDE00\uD83D", ParseValid(@"""\uDE00\uD83D""").String);
        Assert.Equal("\uD83D\uD83D\uDE00", ParseValid(@"""\uD83D\uD83D\uDE00""").String);
    }

    [Theory]
    [InlineData("0", 0d, true)]
    [InlineData("-0", 0d, true)]
    [InlineData("42", 42d, true)]
    [InlineData("-42", -42d, true)]
    [InlineData("3.25", 3.25, false)]
    [InlineData("-0.5", -0.5, false)]
    [InlineData("1.0", 1d, false)]
    [InlineData("1e3", 1000d, false)]
    [InlineData("1E+3", 1000d, false)]
    [InlineData("2.5e-3", 0.0025, false)]
    [InlineData("-1.5E2", -150d, false)]
    [InlineData("0e0", 0d, false)]
    [InlineData("9223372036854775807", 9223372036854775807d, true)]
    [InlineData("-9223372036854775808", -9223372036854775808d, true)]
    [InlineData("9223372036854775808", 9223372036854775808d, false)]
    [InlineData("123456789012345678901234567890", 123456789012345678901234567890d, false)]
    [InlineData("1e400", double.PositiveInfinity, false)]
    [InlineData("-1e400", double.NegativeInfinity, false)]
    [InlineData("1e-400", 0d, false)]
    public void Numbers_keep_their_text_and_parse_invariantly(string number, double expected, bool isInteger)
    {
        var text = "{\"n\":" + number + "}";
        var node = ParseValid(text)["n"]!;

        Assert.Equal(JsonKind.Number, node.Kind);
        Assert.Equal(number, node.NumberText);
        Assert.Equal(number, At(text, node.Span));
        Assert.Equal(expected, node.Number);
        Assert.Equal(isInteger, node.IsInteger);
        Assert.Null(node.String);
    }

    [Fact]
    public void Numbers_do_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // A culture of our own, not "sv-SE": it must work where the runtime has no culture data (invariant globalization).
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.NumberFormat.NumberDecimalSeparator = ",";
            culture.NumberFormat.NumberGroupSeparator = ".";
            culture.NumberFormat.NegativeSign = "~";
            CultureInfo.CurrentCulture = culture;
            Assert.Equal(1.5, ParseValid("1.5").Number);
            Assert.Equal(-1000d, ParseValid("-1e3").Number);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Random_valid_documents_decode_like_System_Text_Json()
    {
        // Strict JSON only: this is the part of the grammar both readers share without options.
        var random = new Random(8259);
        for (var i = 0; i < 300; i++)
        {
            var text = new RandomJsonWriter(random, relaxed: false).Document();
            var root = ParseValid(text);
            using var reference = Stj.JsonDocument.Parse(text);
            AssertSameAsStj(text, root, reference.RootElement);
        }
    }

    [Fact]
    public void Random_documents_with_comments_and_trailing_commas_read_like_relaxed_System_Text_Json()
    {
        var random = new Random(1729);
        for (var i = 0; i < 300; i++)
        {
            var text = new RandomJsonWriter(random, relaxed: true).Document();
            var root = ParseValid(text);
            using var reference = Stj.JsonDocument.Parse(text, RelaxedStj);
            AssertSameAsStj(text, root, reference.RootElement);
        }
    }

    // ---- The relaxations ------------------------------------------------------------------------------------

    [Fact]
    public void Comments_may_stand_wherever_whitespace_may()
    {
        const string text = "/*a*/ // b\n{/*c*/\"k\"/*d*/://*e*/\n[/*f*/1/*g*/,//h\n\"s\"/**/]/*i*/,/*j*/\"m\"/* ** / */:{}}// end";
        var root = ParseValid(text);

        Assert.Equal(new[] { "k", "m" }, root.Properties.Select(p => p.Name));
        Assert.Equal("\"k\"", At(text, root.Properties[0].NameSpan));
        Assert.Equal("[/*f*/1/*g*/,//h\n\"s\"/**/]", At(text, root["k"]!.Span));
        Assert.Equal(new[] { "1", "\"s\"" }, root["k"]!.Items.Select(i => At(text, i.Span)));
        Assert.Equal(JsonKind.Object, root["m"]!.Kind);
        Assert.Equal(text.IndexOf('{'), root.Span.Start);
        Assert.Equal(text.LastIndexOf('}') + 1, root.Span.End);
    }

    [Theory]
    [InlineData("1 // a line comment at the end, with no line break", 1d)]
    [InlineData("1 /* a block comment at the end */", 1d)]
    [InlineData("1//", 1d)]
    [InlineData("/**/2/**/", 2d)]
    [InlineData("// first\r\n// second\r3", 3d)]
    [InlineData("/* a // line comment inside a block comment */ 4", 4d)]
    [InlineData("// a /* block comment inside a line comment\n5", 5d)]
    [InlineData("/* block comments\n span\r\n lines */ 6", 6d)]
    [InlineData("/* control characters \u0001 and \u2028 are fine in block comments */ 7", 7d)]
    public void Comments_at_the_edges_of_the_document(string text, double expected)
    {
        Assert.Equal(expected, ParseValid(text).Number);
    }

    [Fact]
    public void Comment_markers_inside_strings_are_text()
    {
        var root = ParseValid("[\"// not a comment\", \"/* nor this */\"]");

        Assert.Equal(new[] { "// not a comment", "/* nor this */" }, root.Items.Select(i => i.String));
    }

    [Fact]
    public void One_trailing_comma_is_allowed_in_objects_and_arrays()
    {
        const string text = "{ \"a\": [1, 2, ], \"b\": { \"c\": 3, }, \"d\": [ [], ] , }";
        var root = ParseValid(text);

        Assert.Equal(new[] { "a", "b", "d" }, root.Properties.Select(p => p.Name));
        Assert.Equal(new[] { 1d, 2d }, root["a"]!.Items.Select(i => i.Number));
        Assert.Equal("[1, 2, ]", At(text, root["a"]!.Span));
        Assert.Equal("{ \"c\": 3, }", At(text, root["b"]!.Span));
        Assert.Single(root["b"]!.Properties);
        Assert.Single(root["d"]!.Items);
        Assert.Equal(text, At(text, root.Span));
    }

    [Fact]
    public void A_leading_byte_order_mark_is_skipped_and_spans_still_count_it()
    {
        const string text = "\uFEFF{\"a\": \"b\"}";
        var root = ParseValid(text);

        Assert.Equal(new TextSpan(1, text.Length - 1), root.Span);
        Assert.Equal(new TextSpan(2, 3), root.Properties[0].NameSpan);
        Assert.Equal("\"b\"", At(text, root["a"]!.Span));
    }

    [Fact]
    public void Duplicate_names_are_kept_in_order_and_the_indexer_returns_the_first()
    {
        const string text = "{\"a\": 1, \"b\": 2, \"a\": 3, \"A\": 4}";
        var root = ParseValid(text);

        Assert.Equal(new[] { "a", "b", "a", "A" }, root.Properties.Select(p => p.Name));
        Assert.Equal(new[] { 1d, 2d, 3d, 4d }, root.Properties.Select(p => p.Value.Number));
        Assert.Equal(1d, root["a"]!.Number);
        Assert.Equal(4d, root["A"]!.Number);
        Assert.Null(root["c"]);
        Assert.Equal(new TextSpan(17, 3), root.Properties[2].NameSpan);
    }

    [Fact]
    public void Names_are_decoded_and_the_indexer_compares_decoded_names()
    {
        const string text = "{\"caf\\u00e9\": 1, \"a\\\"b\": 2, \"\": 3}";
        var root = ParseValid(text);

        Assert.Equal(1d, root["café"]!.Number);
        Assert.Equal(2d, root["a\"b"]!.Number);
        Assert.Equal(3d, root[""]!.Number);
        Assert.Equal("\"caf\\u00e9\"", At(text, root.Properties[0].NameSpan));
        Assert.Equal("\"a\\\"b\"", At(text, root.Properties[1].NameSpan));
    }

    // ---- Errors ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Each case is markup: <c>[|…|]</c> marks the exact error span (<c>[||]</c> a zero-length one), and the message is
    /// asserted whole, so each one shows what it says was expected and what it says was found.
    /// </summary>
    public static TheoryData<string, string> SyntaxErrors => new()
    {
        // Empty input
        { "[||]", "the file is empty" },
        { "\uFEFF[||]", "the file is empty" },
        { "  \r\n\t[||]", "the file is empty: it has only whitespace or comments, and no value" },
        { "// nothing here\n/* still nothing */[||]", "the file is empty: it has only whitespace or comments, and no value" },

        // Strings
        { "{\"a\": [|\"abc|]", "unterminated string: the file ends before the closing '\"'" },
        { "{\"a\": [|\"abc\\|]", "unterminated string: the file ends before the closing '\"'" },
        { "{\"a\": [|\"abc|]\n}", "unterminated string: the line ends before the closing '\"' (a line break inside a string is written \\n)" },
        { "[\"a\", [|\"b|]\r\n]", "unterminated string: the line ends before the closing '\"' (a line break inside a string is written \\n)" },
        { "[\"a[|\t|]b\"]", "a string cannot contain the control character U+0009 as it is; write it as \\t" },
        { "[\"a[|\u0001|]b\"]", "a string cannot contain the control character U+0001 as it is; write it as \\u0001" },
        { "[\"[|\u001F|]\"]", "a string cannot contain the control character U+001F as it is; write it as \\u001F" },
        { "[\"a[|\\x|]\"]", "invalid escape in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\', found 'x'" },
        { "[\"a[|\\U|]0041\"]", "invalid escape in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\', found 'U'" },
        { "[\"[|\\'|]\"]", "invalid escape in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\', found a single quote (which needs no escape)" },
        { "[\"a[|\\|]\nb\"]", "invalid escape in a string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after '\\', found a line break" },
        { "[\"[|\\u12G|]4\"]", "invalid escape '\\u12': expected 4 hexadecimal digits after '\\u', found 'G'" },
        { "[\"[|\\u12\"|]]", "invalid escape '\\u12': expected 4 hexadecimal digits after '\\u', found '\"'" },
        { "[\"[|\\u |]1234\"]", "invalid escape '\\u': expected 4 hexadecimal digits after '\\u', found a space" },
        { "[[|\"\\u00|]", "unterminated string: the file ends before the closing '\"'" },

        // Quotes and names
        { "[|'|]text'", "expected a value, found a single quote (JSON strings use double quotes)" },
        { "[[|'|]a']", "expected a value or ']', found a single quote (JSON strings use double quotes)" },
        { "{[|id|]: 1}", "expected a property name in double quotes or '}', found 'id'" },
        { "{[|'|]id': 1}", "expected a property name in double quotes or '}', found a single quote (JSON strings use double quotes)" },
        { "{\"a\": 1, [|b|]: 2}", "expected a property name in double quotes or '}' after ',', found 'b'" },
        { "{[|1|]: 2}", "expected a property name in double quotes or '}', found '1'" },
        { "{\"id\" [|1|]}", "expected ':' after the property name \"id\", found '1'" },
        { "{\"id\"[|=|] 1}", "expected ':' after the property name \"id\", found '='" },
        { "{\"caf\\u00e9\" [|1|]}", "expected ':' after the property name \"café\", found '1'" },
        { "{\"a\\nb\" [|1|]}", "expected ':' after the property name \"a\\u000Ab\", found '1'" },
        { "{\"a\": [|}|]", "expected a value for the property \"a\", found '}'" },

        // Separators and brackets
        { "{\"kind\": 1 [|x|]}", "expected ',' or '}' after the property \"kind\", found 'x'" },
        { "{\"kind\": \"x\" [|\"y\"|]: 1}", "expected ',' or '}' after the property \"kind\", found the string \"y\"" },
        { "{\"a\" : \"b\"[|:|] \"c\"}", "expected ',' or '}' after the property \"a\", found ':'" },
        { "{\"a\": 1[|]|]", "expected ',' or '}' after the property \"a\", found ']'" },
        { "{\"a\": 1[|;|] \"b\": 2}", "expected ',' or '}' after the property \"a\", found ';'" },
        { "[1 [|2|]]", "expected ',' or ']' after item 1 of the array, found '2'" },
        { "[1, 2[|}|]", "expected ',' or ']' after item 2 of the array, found '}'" },
        { "[\"a\" [|\"b\"|]]", "expected ',' or ']' after item 1 of the array, found the string \"b\"" },
        { "[[|,|]]", "expected a value or ']', found ','" },
        { "[1,[|,|]]", "expected a value or ']' after ',', found ','" },
        { "[1, [|}|]", "expected a value or ']' after ',', found '}'" },
        { "{[|,|]}", "expected a property name in double quotes or '}', found ','" },
        { "{\"a\": 1,[|,|]}", "expected a property name in double quotes or '}' after ',', found ','" },
        { "[|}|]", "expected a value, found '}'" },
        { "[|]|]", "expected a value, found ']'" },
        { "[|:|]", "expected a value, found ':'" },

        // Literals and bare words
        { "[[|NaN|]]", "expected a value or ']', found 'NaN'" },
        { "{\"a\": [|Infinity|]}", "expected a value for the property \"a\", found 'Infinity'" },
        { "[[|undefined|]]", "expected a value or ']', found 'undefined'" },
        { "[[|True|]]", "expected a value or ']', found 'True'" },
        { "[[|tru|]]", "expected a value or ']', found 'tru'" },
        { "[[|nul|] ]", "expected a value or ']', found 'nul'" },
        { "[[|trueish|]]", "expected a value or ']', found 'trueish'" },
        { "[[|falsey|]]", "expected a value or ']', found 'falsey'" },
        { "[1, [|tr|]", "expected a value or ']' after ',', found 'tr'" },
        { "[[|😀|]]", "expected a value or ']', found '😀'" },

        // Numbers
        { "[[|-Infinity|]]", "invalid number '-Infinity': expected a digit after '-', found 'I'" },
        { "[[|+1|]]", "expected a value or ']', found '+1'" },
        { "[[|01|]]", "invalid number '01': leading zeros are not allowed" },
        { "[[|-007|]]", "invalid number '-007': leading zeros are not allowed" },
        { "[[|1.|]]", "invalid number '1.': expected a digit after '.', found ']'" },
        { "[[|1.x|]]", "invalid number '1.x': expected a digit after '.', found 'x'" },
        { "[[|.5|]]", "expected a value or ']', found '.5'" },
        { "[[|1e|], 2]", "invalid number '1e': expected a digit in the exponent, found ','" },
        { "[[|1e+|]]", "invalid number '1e+': expected a digit in the exponent, found ']'" },
        { "[[|0x1F|]]", "invalid number '0x1F': unexpected 'x' after '0'" },
        { "[[|1.5.2|]]", "invalid number '1.5.2': unexpected '.' after '1.5'" },
        { "[[|12true|]]", "invalid number '12true': unexpected 't' after '12'" },
        { "[1, 2, [|-|]]", "invalid number '-': expected a digit after '-', found ']'" },
        { "[[|-|] 1]", "invalid number '-': expected a digit after '-', found a space" },
        { "[[|-|]", "invalid number '-': expected a digit after '-', found end of file" },
        { "[[|1.|]", "invalid number '1.': expected a digit after '.', found end of file" },

        // After the top-level value
        { "{} [|{|]}", "expected the end of the file after the top-level value, found '{'" },
        { "1 [|2|]", "expected the end of the file after the top-level value, found '2'" },
        { "[][|]|]", "expected the end of the file after the top-level value, found ']'" },
        { "{} // done\n[|x|]", "expected the end of the file after the top-level value, found 'x'" },
        { "\"a\"[|\"b\"|]", "expected the end of the file after the top-level value, found the string \"b\"" },
        { "{}[|,|]", "expected the end of the file after the top-level value, found ','" },

        // The end of the file inside a value
        { "{\"a\": 1[||]", "unexpected end of file: the object that starts at line 1, column 1 is not closed (expected ',' or '}' after the property \"a\")" },
        { "{\n  \"a\": [\n    1,[||]", "unexpected end of file: the array that starts at line 2, column 8 is not closed (expected a value or ']' after ',')" },
        { "{\"a\":[||]", "unexpected end of file: the object that starts at line 1, column 1 is not closed (expected a value for the property \"a\")" },
        { "{\"a\" [||]", "unexpected end of file: the object that starts at line 1, column 1 is not closed (expected ':' after the property name \"a\")" },
        { "[1, [[||]", "unexpected end of file: the array that starts at line 1, column 5 is not closed (expected a value or ']')" },
        { "{[||]", "unexpected end of file: the object that starts at line 1, column 1 is not closed (expected a property name in double quotes or '}')" },
        { "[1 // comment\n[||]", "unexpected end of file: the array that starts at line 1, column 1 is not closed (expected ',' or ']' after item 1 of the array)" },
        { "[{\"a\": 1},\r\n {\"b\": [2]}[||]", "unexpected end of file: the array that starts at line 1, column 1 is not closed (expected ',' or ']' after item 2 of the array)" },

        // Comments
        { "{ [|/*|] never closed", "unterminated block comment: the file ends before the closing '*/'" },
        { "[1] [|/*|] almost closed * /", "unterminated block comment: the file ends before the closing '*/'" },
        { "{ /[|x|] }", "expected '/' or '*' after '/' to start a comment, found 'x'" },
        { "[1, /[| |]2]", "expected '/' or '*' after '/' to start a comment, found a space" },
        { "{} /[||]", "unexpected end of file (expected '/' or '*' after '/' to start a comment)" },
        { "[1] // a[|\u2028|]b", "a line comment cannot contain U+2028: editors show a line break there, but a '//' comment ends only at a line feed or carriage return" },
        { "[1] // a[|\u0085|]b", "a line comment cannot contain U+0085: editors show a line break there, but a '//' comment ends only at a line feed or carriage return" },

        // Characters JSON does not allow between tokens
        { "{[|\uFEFF|]}", "expected a property name in double quotes or '}', found U+FEFF" },
        { "[[|\u00A0|]1]", "expected a value or ']', found U+00A0" },
        { "[1,[|\u000B|]2]", "expected a value or ']' after ',', found U+000B" },
        { "[|\u0000|]", "expected a value, found U+0000" },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void Syntax_errors_name_what_was_expected_and_what_was_found_at_its_span(string markup, string message)
    {
        var (text, span) = Markup(markup);
        var error = ParseError(text);

        Assert.Equal(message, error.Message);
        Assert.Equal(span, error.Span);
    }

    [Fact]
    public void The_end_of_file_message_counts_lines_as_SourceText_does()
    {
        // CRLF, LF, CR and (in a string and a block comment) the Unicode separators are all line breaks to SourceText.
        var source = SourceText.From("{\r\n\"a\u2028b\": 1,\n/* \u2029 */\r\"c\": [\n/*\u0085*/\n  {\"d\": 2\n");
        var error = JsonDocument.Parse(source).Error!.Value;
        var open = source.ToString().IndexOf("{\"d\"", StringComparison.Ordinal);
        var position = source.Lines.GetLinePosition(open);

        Assert.Equal(9, position.Line + 1);
        Assert.Equal(3, position.Character + 1);
        Assert.Equal(
            "unexpected end of file: the object that starts at line 9, column 3 is not closed (expected ',' or '}' after the property \"d\")",
            error.Message);
        Assert.Equal(new TextSpan(source.Length, 0), error.Span);
    }

    [Fact]
    public void Unterminated_errors_point_at_the_opening_not_at_the_end()
    {
        const string text = "{\n  \"a\": 1, /* a comment\n that never ends\n\n";
        var error = ParseError(text);

        Assert.Equal(new LinePosition(1, 10), SourceText.From(text).Lines.GetLinePosition(error.Span.Start));
        Assert.Equal("/*", At(text, error.Span));
    }

    [Fact]
    public void Long_tokens_and_names_are_shortened_in_messages_but_not_in_spans()
    {
        var word = new string('x', 500);
        var text = "[" + word + "]";
        var error = ParseError(text);

        Assert.Equal(new TextSpan(1, 500), error.Span);
        Assert.Equal("expected a value or ']', found '" + new string('x', 60) + "…'", error.Message);

        var name = new string('n', 200);
        var nameError = ParseError("{\"" + name + "\" 1}");
        Assert.Equal("expected ':' after the property name \"" + new string('n', 60) + "…\", found '1'", nameError.Message);
    }

    [Fact]
    public void Names_in_messages_stay_valid_text_whatever_they_decode_to()
    {
        // A lone surrogate is shown as its escape, and a cut never splits a pair.
        var lone = ParseError("{\"a\\uD800b\" 1}");
        Assert.Equal("expected ':' after the property name \"a\\uD800b\", found '1'", lone.Message);

        var pairAtCut = new string('n', 59) + "😀";
        var cut = ParseError("{\"" + pairAtCut + "\" 1}");
        Assert.Equal("expected ':' after the property name \"" + new string('n', 59) + "…\", found '1'", cut.Message);
        AssertOneReadableLine(cut.Message);

        var pairBeforeCut = new string('n', 58) + "😀x";
        Assert.Equal(
            "expected ':' after the property name \"" + new string('n', 58) + "😀…\", found '1'",
            ParseError("{\"" + pairBeforeCut + "\" 1}").Message);
    }

    // ---- Depth, size, cancellation ----------------------------------------------------------------------------

    [Theory]
    [InlineData("[", "]", "array")]
    [InlineData("{\"a\":", "}", "object")]
    [InlineData("[{\"a\":", "}]", "array")]
    public void Ten_thousand_levels_of_nesting_stop_at_the_depth_limit_without_overflowing_the_stack(string open, string close, string kind)
    {
        var text = Repeat(open, 10_000) + "1" + Repeat(close, 10_000);
        var error = ParseError(text);

        // The first bracket past the limit, whichever kind it is.
        var brackets = 0;
        var expectedStart = 0;
        while (brackets < JsonDocument.MaxDepth + 1)
        {
            if (text[expectedStart++] is '[' or '{')
            {
                brackets++;
            }
        }

        Assert.Equal(new TextSpan(expectedStart - 1, 1), error.Span);
        Assert.Equal("too deeply nested: this " + kind + " would be nesting level 65, but objects and arrays may nest at most 64 levels deep", error.Message);
    }

    [Fact]
    public void Ten_thousand_unclosed_brackets_also_stop_at_the_limit()
    {
        var error = ParseError(new string('[', 10_000));

        Assert.Equal(new TextSpan(JsonDocument.MaxDepth, 1), error.Span);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\":", "}")]
    public void Exactly_MaxDepth_levels_parse(string open, string close)
    {
        var text = Repeat(open, JsonDocument.MaxDepth) + "true" + Repeat(close, JsonDocument.MaxDepth);
        var node = ParseValid(text);

        var levels = 0;
        while (node.Kind is JsonKind.Array or JsonKind.Object)
        {
            levels++;
            Assert.Equal(text.Length - ((levels - 1) * (open.Length + close.Length)), node.Span.Length);
            node = node.Kind == JsonKind.Array ? node.Items.Single() : node.Properties.Single().Value;
        }

        Assert.Equal(JsonDocument.MaxDepth, levels);
        Assert.Equal(JsonKind.True, node.Kind);
    }

    [Fact]
    public void Sibling_containers_do_not_add_up_to_the_depth()
    {
        var text = "[" + string.Join(",", Enumerable.Repeat(Repeat("[", 63) + Repeat("]", 63), 100)) + "]";

        Assert.Equal(100, ParseValid(text).Items.Length);
    }

    [Fact]
    public void A_hundred_thousand_array_elements_parse()
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < 100_000; i++)
        {
            builder.Append(i == 0 ? "" : ",\n").Append(i.ToString(CultureInfo.InvariantCulture));
        }

        var text = builder.Append(']').ToString();
        var root = ParseValid(text);

        Assert.Equal(100_000, root.Items.Length);
        Assert.Equal(99_999d, root.Items[^1].Number);
        Assert.Equal("99999", At(text, root.Items[^1].Span));
        Assert.All(root.Items, item => Assert.True(item.IsInteger));
    }

    [Fact]
    public void A_hundred_thousand_properties_of_objects_with_strings_parse()
    {
        var builder = new StringBuilder("{");
        for (var i = 0; i < 100_000; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append("\n  \"key").Append(i).Append("\": { \"value\": \"text \\u00e5 ").Append(i).Append("\", \"list\": [true, null] }");
        }

        var text = builder.Append("\n}").ToString();
        var root = ParseValid(text);

        Assert.Equal(100_000, root.Properties.Length);
        Assert.Equal("text å 0", root["key0"]!["value"]!.String);
        Assert.Equal("text å 99999", root.Properties[^1].Value["value"]!.String);
        Assert.Equal("\"key99999\"", At(text, root.Properties[^1].NameSpan));
        Assert.True(text.Length > 5_000_000);
    }

    [Fact]
    public void A_string_of_five_million_characters_parses()
    {
        var text = "\"" + new string('a', 5_000_000) + "\\n\"";

        Assert.Equal(5_000_001, ParseValid(text).String!.Length);
    }

    [Fact]
    public void A_cancelled_token_stops_reading()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var text = "[" + string.Join(",", Enumerable.Range(0, 10_000)) + "]";

        Assert.ThrowsAny<OperationCanceledException>(() => JsonDocument.Parse(text, source.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => JsonDocument.Parse(SourceText.From(text), source.Token));
    }

    // ---- Damaged input -----------------------------------------------------------------------------------------

    [Fact]
    public void Every_prefix_of_the_rules_file_reads_without_throwing_and_each_incomplete_one_has_an_error_inside_it()
    {
        var complete = RulesFile.LastIndexOf('}') + 1;
        for (var length = 0; length <= RulesFile.Length; length++)
        {
            var prefix = RulesFile.Substring(0, length);
            var document = JsonDocument.Parse(prefix);

            AssertRootXorError(prefix, document);
            Assert.Equal(length >= complete, document.Root is not null);
            if (document.Error is { } error)
            {
                Assert.InRange(error.Span.Start, 0, length);
                Assert.InRange(error.Span.End, error.Span.Start, length);
                AssertOneReadableLine(error.Message);
            }

            Assert.Equal(StjAccepts(prefix), document.Root is not null);
        }
    }

    [Fact]
    public void Random_mutations_of_the_rules_file_never_throw_and_agree_with_System_Text_Json()
    {
        var random = new Random(20240611);
        var accepted = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var text = Mutate(random, RulesFile);
            var document = JsonDocument.Parse(text);

            AssertRootXorError(text, document);
            if (document.Error is { } error)
            {
                Assert.InRange(error.Span.Start, 0, text.Length);
                Assert.InRange(error.Span.End, error.Span.Start, text.Length);
                AssertOneReadableLine(error.Message);
            }
            else
            {
                accepted++;
            }

            // Same verdict as a reader everyone trusts; and where both accept, the same tree.
            var (expected, stjError) = StjVerdict(text);
            if (!expected && document.Root is not null && stjError.Contains("is invalid after a property name. Expected a ':'", StringComparison.Ordinal))
            {
                // System.Text.Json's one gap in comment support: none between a property name and its colon. We allow them there.
                continue;
            }

            Assert.True(expected == (document.Root is not null), $"System.Text.Json {(expected ? "accepts" : "rejects")} mutation {i}, we say {document.Error?.ToString() ?? "fine"}:\n{text}");
            if (document.Root is { } root)
            {
                using var reference = Stj.JsonDocument.Parse(StripBom(text), RelaxedStj);
                AssertSameAsStj(text, root, reference.RootElement);
            }
        }

        // Not a timing or tuning check: only that the loop exercises both outcomes.
        Assert.InRange(accepted, 1, 2_999);
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    private static JsonNode ParseValid(string text)
    {
        var document = JsonDocument.Parse(text);
        Assert.True(document.Error is null, $"unexpected error {document.Error}");
        Assert.NotNull(document.Root);
        return document.Root!;
    }

    private static JsonError ParseError(string text)
    {
        var document = JsonDocument.Parse(text);
        Assert.Null(document.Root);
        Assert.True(document.Error.HasValue, "expected an error");
        return document.Error!.Value;
    }

    /// <summary>A message goes into a diagnostic and a log line: no control characters, and valid UTF-16 for any encoder.</summary>
    private static void AssertOneReadableLine(string message)
    {
        Assert.NotEqual("", message);
        Assert.DoesNotContain(message, c => c < ' ');
        _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetByteCount(message);
    }

    private static void AssertRootXorError(string text, JsonDocument document) =>
        Assert.True((document.Root is null) != (document.Error is null), $"exactly one of Root and Error must be set:\n{text}");

    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    private static string Repeat(string value, int count) => new StringBuilder(value.Length * count).Insert(0, value, count).ToString();

    private static (string Text, TextSpan Span) Markup(string markup)
    {
        var open = markup.IndexOf("[|", StringComparison.Ordinal);
        var close = markup.IndexOf("|]", open + 2, StringComparison.Ordinal);
        Assert.True(open >= 0 && close >= 0, "markup needs [| and |]");
        var text = markup.Substring(0, open) + markup.Substring(open + 2, close - open - 2) + markup.Substring(close + 2);
        return (text, new TextSpan(open, close - open - 2));
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;

    private static bool StjAccepts(string text) => StjVerdict(text).Accepts;

    private static (bool Accepts, string Error) StjVerdict(string text)
    {
        try
        {
            // System.Text.Json skips a byte-order mark in bytes, not in a string: strip it as the bytes reader would.
            using var document = Stj.JsonDocument.Parse(StripBom(text), RelaxedStj);
            return (true, "");
        }
        catch (Stj.JsonException e)
        {
            return (false, e.Message);
        }
    }

    /// <summary>Kinds, decoded values, order, and every node's span text against System.Text.Json's raw text.</summary>
    private static void AssertSameAsStj(string text, JsonNode node, Stj.JsonElement element)
    {
        Assert.Equal(element.GetRawText(), At(text, node.Span));
        switch (element.ValueKind)
        {
            case Stj.JsonValueKind.Object:
                Assert.Equal(JsonKind.Object, node.Kind);
                var properties = element.EnumerateObject().ToList();
                Assert.Equal(properties.Count, node.Properties.Length);
                for (var i = 0; i < properties.Count; i++)
                {
                    if (!HasLoneSurrogateEscape(At(text, node.Properties[i].NameSpan)))
                    {
                        Assert.Equal(properties[i].Name, node.Properties[i].Name);
                    }

                    Assert.Equal('"', text[node.Properties[i].NameSpan.Start]);
                    Assert.Equal('"', text[node.Properties[i].NameSpan.End - 1]);
                    AssertSameAsStj(text, node.Properties[i].Value, properties[i].Value);
                }

                break;
            case Stj.JsonValueKind.Array:
                Assert.Equal(JsonKind.Array, node.Kind);
                Assert.Equal(element.GetArrayLength(), node.Items.Length);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    AssertSameAsStj(text, node.Items[index++], item);
                }

                break;
            case Stj.JsonValueKind.String:
                Assert.Equal(JsonKind.String, node.Kind);

                // System.Text.Json will not decode a lone surrogate escape into a string; this reader keeps it as written.
                if (!HasLoneSurrogateEscape(At(text, node.Span)))
                {
                    Assert.Equal(element.GetString(), node.String);
                }

                break;
            case Stj.JsonValueKind.Number:
                Assert.Equal(JsonKind.Number, node.Kind);
                Assert.Equal(element.GetRawText(), node.NumberText);
                Assert.Equal(element.TryGetDouble(out var number) ? number : double.Parse(node.NumberText!, CultureInfo.InvariantCulture), node.Number);
                Assert.Equal(element.TryGetInt64(out _) && node.NumberText!.IndexOfAny(['.', 'e', 'E']) < 0, node.IsInteger);
                break;
            case Stj.JsonValueKind.True:
                Assert.Equal(JsonKind.True, node.Kind);
                break;
            case Stj.JsonValueKind.False:
                Assert.Equal(JsonKind.False, node.Kind);
                break;
            default:
                Assert.Equal(JsonKind.Null, node.Kind);
                break;
        }
    }

    private static bool HasLoneSurrogateEscape(string literal)
    {
        var decoded = new StringBuilder();
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] == '\\' && i + 1 < literal.Length)
            {
                if (literal[i + 1] == 'u' && i + 5 < literal.Length)
                {
                    decoded.Append((char)int.Parse(literal.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 5;
                }
                else
                {
                    decoded.Append('x');
                    i++;
                }
            }
            else
            {
                decoded.Append(literal[i]);
            }
        }

        var s = decoded.ToString();
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters that matter to the grammar, a few it must reject, and some it must pass through.</summary>
    private const string MutationAlphabet = "{}[],:\"\\/*-+.0123456789eEtrufalsn \t\n\r'xé\u0001\u001F\u00A0\uFEFF\u2028";

    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        var count = random.Next(1, 4);
        for (var m = 0; m < count; m++)
        {
            switch (random.Next(4))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(random.Next(builder.Length), 1);
                    break;
                case 1:
                    builder.Insert(random.Next(builder.Length + 1), MutationAlphabet[random.Next(MutationAlphabet.Length)]);
                    break;
                case 2 when builder.Length > 0:
                    builder[random.Next(builder.Length)] = MutationAlphabet[random.Next(MutationAlphabet.Length)];
                    break;
                case 3 when builder.Length > 2:
                    // Swap two non-overlapping chunks of up to 20 characters.
                    var s = builder.ToString();
                    var first = random.Next(s.Length - 1);
                    var firstLength = random.Next(1, Math.Min(20, s.Length - first - 1) + 1);
                    var second = random.Next(first + firstLength, s.Length);
                    var secondLength = random.Next(1, Math.Min(20, s.Length - second) + 1);
                    builder.Clear()
                        .Append(s, 0, first)
                        .Append(s, second, secondLength)
                        .Append(s, first + firstLength, second - first - firstLength)
                        .Append(s, first, firstLength)
                        .Append(s, second + secondLength, s.Length - second - secondLength);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes random valid documents with escapes, numbers of every shape and, when relaxed, comments and trailing commas.</summary>
    private sealed class RandomJsonWriter(Random random, bool relaxed)
    {
        private readonly StringBuilder builder = new();

        public string Document()
        {
            builder.Clear();
            Trivia();
            Value(0);
            Trivia();
            return builder.ToString();
        }

        private void Value(int depth)
        {
            switch (random.Next(depth > 6 ? 5 : 7))
            {
                case 0:
                    builder.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
                    break;
                case 1:
                case 2:
                    String();
                    break;
                case 3:
                case 4:
                    Number();
                    break;
                case 5:
                    builder.Append('[');
                    var items = random.Next(5);
                    for (var i = 0; i < items; i++)
                    {
                        Trivia();
                        Value(depth + 1);
                        Trivia();
                        if (i < items - 1 || (relaxed && random.Next(3) == 0))
                        {
                            builder.Append(',');
                        }
                    }

                    Trivia();
                    builder.Append(']');
                    break;
                default:
                    builder.Append('{');
                    var properties = random.Next(5);
                    for (var i = 0; i < properties; i++)
                    {
                        Trivia();
                        String();

                        // Whitespace only: System.Text.Json does not allow a comment between a name and its colon.
                        builder.Append(random.Next(2) == 0 ? "" : " ");
                        builder.Append(':');
                        Trivia();
                        Value(depth + 1);
                        Trivia();
                        if (i < properties - 1 || (relaxed && random.Next(3) == 0))
                        {
                            builder.Append(',');
                        }
                    }

                    Trivia();
                    builder.Append('}');
                    break;
            }
        }

        private void String()
        {
            const string plain = "abcXYZ019 -_.,:;åäöÅÄÖé€'/{}[]";
            builder.Append('"');
            var length = random.Next(8);
            for (var i = 0; i < length; i++)
            {
                switch (random.Next(10))
                {
                    case 0:
                        builder.Append(new[] { "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t" }[random.Next(8)]);
                        break;
                    case 1:
                        builder.Append("\\u").Append(random.Next(0xD800).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));
                        break;
                    case 2:
                        var pair = char.ConvertFromUtf32(random.Next(0x10000, 0x110000));
                        builder.Append(random.Next(2) == 0 ? pair : $"\\u{(int)pair[0]:X4}\\u{(int)pair[1]:x4}");
                        break;
                    default:
                        builder.Append(plain[random.Next(plain.Length)]);
                        break;
                }
            }

            builder.Append('"');
        }

        private void Number()
        {
            if (random.Next(2) == 0)
            {
                builder.Append('-');
            }

            builder.Append(random.Next(4) == 0 ? "0" : Digits(random.Next(1, 19)));
            if (random.Next(3) == 0)
            {
                builder.Append('.').Append(random.Next(1_000_000).ToString(CultureInfo.InvariantCulture));
            }

            if (random.Next(3) == 0)
            {
                builder.Append(random.Next(2) == 0 ? 'e' : 'E').Append(new[] { "", "+", "-" }[random.Next(3)]).Append(random.Next(400));
            }
        }

        private string Digits(int count)
        {
            var digits = new char[count];
            for (var i = 0; i < count; i++)
            {
                digits[i] = (char)('0' + random.Next(i == 0 ? 1 : 0, 10));
            }

            return new string(digits);
        }

        private void Trivia()
        {
            switch (random.Next(relaxed ? 8 : 4))
            {
                case 0:
                    builder.Append(' ');
                    break;
                case 1:
                    builder.Append("\r\n\t");
                    break;
                case 4:
                    builder.Append("/* c */");
                    break;
                case 5:
                    builder.Append("// line\n");
                    break;
                case 6:
                    builder.Append(" /**/ ");
                    break;
            }
        }
    }
}
