using Microsoft.CodeAnalysis.Testing;
using CaseCompliance.Analyzers.RulesFile;
using CaseCompliance.Analyzers.Tests.Verifiers;
using static CaseCompliance.Analyzers.Tests.RulesFile.RulesFileTestSupport;

namespace CaseCompliance.Analyzers.Tests.RulesFile;

/// <summary>Every CASE9xx, reported in the rules file at the line and column of the mistake; the rest of the file still applies.</summary>
public class RulesFileDiagnosticsTests
{
    private const string Code = """
        namespace Legacy.Crm
        {
            public class Customer
            {
                public string CustomerNumber { get; set; } = "";
                public string Email { get; set; } = "";
                public string Phone { get; set; } = "";
            }

            public class Finder { public Customer? Find(string pnr) => null; public Customer? Find(int number) => null; }
        }

        class Mail { string Send(Legacy.Crm.Customer c) => {|CASE001:c.Email|} + c.Phone; }
        """;

    private const string ValidEntry = """{ "id": "P:Legacy.Crm.Customer.Email", "personalData": "contact" }""";

    [Fact]
    public Task CASE900_malformed_json_at_the_broken_token_and_nothing_of_the_file_applies()
    {
        var rules = """
            {
              "symbols": [
                { "id": "P:Legacy.Crm.Customer.Email" "personalData": "contact" }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"), rules,
            At(RulesFileRules.InvalidJson, rules, "\"personalData\"").WithArguments("expected ',' or '}' after the property \"id\", found the string \"personalData\""));
    }

    [Fact]
    public Task CASE901_an_unknown_property_drops_its_entry_and_the_valid_entries_still_apply()
    {
        var rules = $$"""
            {
              "symbols": [
                {{ValidEntry}},
                { "id": "P:Legacy.Crm.Customer.Phone", "personalDta": "contact" }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Code, rules,
            At(RulesFileRules.SchemaViolation, rules, "\"personalDta\"")
                .WithArguments("\"personalDta\" is not a property of a \"symbols\" entry; did you mean \"personalData\"?"));
    }

    [Fact]
    public Task CASE901_a_wrong_type()
    {
        var rules = """{ "symbols": [ { "id": "P:Legacy.Crm.Customer.Email", "personalData": "contact", "roles": 7 } ] }""";
        return VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"), rules,
            At(RulesFileRules.SchemaViolation, rules, "7").WithArguments("\"roles\" must be a role name or an array of them; found the number 7"));
    }

    [Fact]
    public Task CASE902_an_id_that_matches_nothing_with_the_closest_match()
    {
        var rules = $$"""{ "symbols": [ {{ValidEntry}}, { "id": "P:Legacy.Crm.Customer.Phon", "personalData": "contact" } ] }""";
        return VerifyAsync<PurposeRules>(Code, rules,
            At(RulesFileRules.UnmatchedId, rules, "\"P:Legacy.Crm.Customer.Phon\"")
                .WithArguments("P:Legacy.Crm.Customer.Phon", "; did you mean 'P:Legacy.Crm.Customer.Phone'?"));
    }

    [Fact]
    public Task CASE902_a_misspelt_namespace_and_a_misspelt_parameter()
    {
        var rules = $$"""
            {
              "symbols": [
                {{ValidEntry}},
                { "id": "T:Legacy.Crn.Customer", "personalData": "contact" },
                { "id": "M:Legacy.Crm.Finder.Find(System.String)", "roles": [ "person-lookup" ], "parameters": { "pn": { "roles": [ "subject" ] } } }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Code, rules,
            At(RulesFileRules.UnmatchedId, rules, "\"T:Legacy.Crn.Customer\"").WithArguments("T:Legacy.Crn.Customer", "; did you mean 'T:Legacy.Crm.Customer'?"),
            At(RulesFileRules.UnmatchedId, rules, "\"pn\"").WithArguments("M:Legacy.Crm.Finder.Find(System.String)#pn", "; did you mean 'pnr'?"));
    }

    [Fact]
    public Task CASE902_is_not_reported_for_ids_about_another_project_of_a_shared_file()
        => VerifyAsync<PurposeRules>(Code, $$"""{ "symbols": [ {{ValidEntry}}, { "id": "T:SomeOtherSystem.Payments.Payment", "personalData": "financial" } ] }""");

    [Fact]
    public Task CASE903_an_exclusion_that_excludes_nothing()
    {
        var rules = """
            {
              "symbols": [
                { "id": "P:Legacy.Crm.Customer.Email", "except": [ "P:Legacy.Crm.Customer.Phone", "P:Legacy.Crm.Customer.Fax" ], "personalData": "contact" }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Code, rules,
            At(RulesFileRules.EmptyExclusion, rules, "\"P:Legacy.Crm.Customer.Phone\"")
                .WithArguments("P:Legacy.Crm.Customer.Phone", "P:Legacy.Crm.Customer.Email", "; what it names is outside the entry"),
            At(RulesFileRules.EmptyExclusion, rules, "\"P:Legacy.Crm.Customer.Fax\"")
                .WithArguments("P:Legacy.Crm.Customer.Fax", "P:Legacy.Crm.Customer.Email", "; it matches no symbol"));
    }

    [Fact]
    public Task CASE904_an_undeclared_role_purpose_and_category_with_suggestions()
    {
        var rules = $$"""
            {
              "symbols": [
                {{ValidEntry}},
                { "id": "M:Legacy.Crm.Finder.Find(System.String)", "roles": [ "person-lokup" ] },
                { "id": "P:Legacy.Crm.Customer.Phone", "personalData": { "category": "contakt", "purposes": [ "user-support" ] } }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Code.Replace("c.Phone", "{|CASE001:c.Phone|}"), rules,
            At(RulesFileRules.UndeclaredName, rules, "\"person-lokup\"").WithArguments("role", "person-lokup", "; did you mean 'person-lookup'?"),
            At(RulesFileRules.UndeclaredName, rules, "\"contakt\"").WithArguments("data category", "contakt", "; did you mean 'contact'?"),
            At(RulesFileRules.UndeclaredName, rules, "\"user-support\"").WithArguments("purpose", "user-support", "; declare it under \"purposes\""));
    }

    [Fact]
    public Task CASE905_two_entries_give_one_symbol_two_categories()
    {
        var rules = $$"""
            {
              "symbols": [
                {{ValidEntry}},
                { "id": "P:Legacy.Crm.Customer.*", "personalData": "identity" }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Code.Replace("c.Phone", "{|CASE001:c.Phone|}"), rules,
            At(RulesFileRules.ConflictingMeaning, rules, "\"P:Legacy.Crm.Customer.*\"")
                .WithArguments("P:Legacy.Crm.Customer.Email", "the data category 'identity'", "the data category 'contact'", "casecompliance.json:3"));
    }

    [Fact]
    public Task CASE906_a_custom_rule_with_a_built_in_or_out_of_range_id()
    {
        var rules = """
            {
              "rules": [
                { "id": "CASE010", "kind": "mustDiffer", "title": "t", "message": "m", "call": "attestation", "first": "attester", "second": "prepared-by" },
                { "id": "FK100", "kind": "mustDiffer", "title": "t", "message": "m", "call": "attestation", "first": "attester", "second": "prepared-by" }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"), rules,
            At(RulesFileRules.InvalidRuleId, rules, "\"CASE010\"").WithArguments("CASE010", "; CASE010 is a built-in rule"),
            At(RulesFileRules.InvalidRuleId, rules, "\"FK100\"").WithArguments("FK100", string.Empty));
    }

    [Fact]
    public Task CASE907_a_rule_id_defined_twice_across_files()
    {
        var rule = """{ "rules": [ { "id": "CASE100", "kind": "mustDiffer", "title": "t", "message": "'{call}'", "call": "attestation", "first": "attester", "second": "prepared-by" } ] }""";
        return VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"),
            new[] { ("/0/a.casecompliance.json", rule), ("/0/b.casecompliance.json", rule) },
            new[] { At(RulesFileRules.DuplicateRuleId, "/0/b.casecompliance.json", rule, "\"CASE100\"").WithArguments("CASE100", "a.casecompliance.json:1") });
    }

    [Fact]
    public Task CASE908_an_unknown_kind_with_the_closest()
    {
        var rules = """{ "rules": [ { "id": "CASE100", "kind": "mustDifer", "title": "t", "message": "m" } ] }""";
        return VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"), rules,
            At(RulesFileRules.UnknownKind, rules, "\"mustDifer\"").WithArguments("mustDifer",
                "; did you mean 'mustDiffer'? The kinds are purposeRestriction, requiredOnEveryPath, guardBefore, guardedBody, mustDiffer, noFlowToSink, noBranchOn, requiredValue, coverMatches, coverNotSwallowed."));
    }

    [Fact]
    public Task CASE908_a_built_in_only_kind()
    {
        var rules = """{ "rules": [ { "id": "CASE100", "kind": "knownName", "title": "t", "message": "m", "catalog": "purposes" } ] }""";
        return VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"), rules,
            At(RulesFileRules.UnknownKind, rules, "\"knownName\"").WithArguments("knownName",
                "; it is a kind of the built-in rules only. The kinds are purposeRestriction, requiredOnEveryPath, guardBefore, guardedBody, mustDiffer, noFlowToSink, noBranchOn, requiredValue, coverMatches, coverNotSwallowed."));
    }

    [Fact]
    public Task CASE909_a_missing_required_parameter_and_one_of_two()
    {
        var rules = """
            {
              "rules": [
                { "id": "CASE100", "kind": "mustDiffer", "title": "t", "message": "m", "call": "attestation", "first": "attester" },
                { "id": "CASE101", "kind": "guardBefore", "title": "t", "message": "m", "trigger": "disbursement" }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"), rules,
            At(RulesFileRules.MissingParameter, rules, """{ "id": "CASE100", "kind": "mustDiffer", "title": "t", "message": "m", "call": "attestation", "first": "attester" }""")
                .WithArguments("mustDiffer", "CASE100", "second", "the parameter (or a member of another argument) of the second value"),
            At(RulesFileRules.MissingParameter, rules, """{ "id": "CASE101", "kind": "guardBefore", "title": "t", "message": "m", "trigger": "disbursement" }""")
                .WithArguments("guardBefore", "CASE101", "cover' or 'status", "at least one of them says what satisfies the rule"));
    }

    [Fact]
    public Task CASE910_an_unknown_placeholder_at_its_place_in_the_message()
    {
        var rules = """{ "rules": [ { "id": "CASE100", "kind": "mustDiffer", "title": "t", "message": "'{call}' has '{frist}'", "call": "attestation", "first": "attester", "second": "prepared-by" } ] }""";
        return VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"), rules,
            At(RulesFileRules.UnknownPlaceholder, rules, "{frist}").WithArguments("{frist}", "mustDiffer", "{call}, {first}, {second}"));
    }

    [Fact]
    public Task CASE911_an_unknown_guideline()
    {
        var rules = """{ "rules": [ { "id": "CASE100", "kind": "mustDiffer", "title": "t", "message": "'{call}'", "guidelines": [ "EK-SKAT-1" ], "call": "attestation", "first": "attester", "second": "prepared-by" } ] }""";
        return VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"), rules,
            At(RulesFileRules.UnknownGuideline, rules, "\"EK-SKAT-1\"").WithArguments("EK-SKAT-1", "; did you mean 'EK-SKATT-1'?"));
    }

    [Fact]
    public Task A_guideline_the_file_declares_is_known()
        => VerifyAsync<PurposeRules>(Code.Replace("{|CASE001:c.Email|}", "c.Email"), """
            {
              "guidelines": { "FK-INTERN-7": { "source": "Intern rutin 7", "quote": "granskas av två", "summary": "two reviewers" } },
              "rules": [ { "id": "CASE100", "kind": "mustDiffer", "title": "t", "message": "'{call}'", "guidelines": "FK-INTERN-7", "call": "attestation", "first": "attester", "second": "prepared-by" } ]
            }
            """);

    [Theory]
    [InlineData("""{ "symbols": [ { "id": "M:A.B(System.Int32)", "returns": { "personalData": "identity", "note": 5 } } ] }""")]
    [InlineData("""{ "symbols": [ { "id": "M:A.B(System.Int32)", "parameters": { "p": { "roles": [ "subject" ], "note": [] } } } ] }""")]
    [InlineData("""{ "rules": [ { "id": "CASE100", "kind": "mustDiffer", "title": "t", "message": "m", "guidelines": "-EK/x", "call": "a", "first": "b", "second": "c" } ] }""")]
    [InlineData("""{ "rules": [ { "id": "CASE1\u0660\u0663", "kind": "mustDiffer", "title": "t", "message": "m", "call": "a", "first": "b", "second": "c" } ] }""")]
    [InlineData("""{ "rules": [ { "id": "CASE100", "kind": "mustDiffer", "title": "t", "message": "m", "helpLink": "/docs/CASE100.md", "call": "a", "first": "b", "second": "c" } ] }""")]
    public void Regression_the_reader_rejects_what_the_schema_rejects(string json)
    {
        var document = RulesFileReader.Read("/0/casecompliance.json", Microsoft.CodeAnalysis.Text.SourceText.From(json));
        Assert.Contains(document.Problems, p => p.Descriptor.Id is RuleIds.RulesFileSchema or RuleIds.RulesFileInvalidRuleId);
    }

    [Fact]
    public Task CASE905_purposes_given_by_a_later_entry_conflict_with_none_and_the_first_stays()
    {
        var rules = $$"""
            {
              "symbols": [
                {{ValidEntry}},
                { "id": "P:Legacy.Crm.Customer.Email", "personalData": { "category": "contact", "purposes": [ "case-handling" ] } }
              ]
            }
            """;
        return VerifyAsync<PurposeRules>(Code, rules,
            At(RulesFileRules.ConflictingMeaning, rules, "\"P:Legacy.Crm.Customer.Email\"", 2)
                .WithArguments("P:Legacy.Crm.Customer.Email", "the data purposes 'case-handling'", "the data purposes any declared purpose", "casecompliance.json:3"));
    }

    [Fact]
    public Task CASE905_is_not_reported_for_purposes_in_another_order_nor_for_what_an_entry_excludes()
        => VerifyAsync<PurposeRules>(Code.Replace("c.Phone", "{|CASE001:c.Phone|}"), """
            {
              "symbols": [
                { "id": "P:Legacy.Crm.Customer.Email", "personalData": { "category": "contact", "purposes": [ "case-handling", "information" ] } },
                { "id": "P:Legacy.Crm.Customer.Email", "personalData": { "category": "contact", "purposes": [ "information", "case-handling" ] } },
                { "id": "P:Legacy.Crm.Customer.*", "except": [ "P:Legacy.Crm.Customer.Email" ], "personalData": "identity" }
              ]
            }
            """);

    [Fact]
    public Task An_exclusion_can_name_a_parameter()
        => VerifyAsync<LookupRules>("""
            namespace Legacy { public class Finder { public string? Find(string pnr, string reason) => null; } public class Log { public void Seen(string pnr) { } } }
            class Screen
            {
                string? A(Legacy.Finder f, Legacy.Log l, string pnr) { l.Seen("someone else"); return f.Find(pnr, "x"); }
            }
            """, """
            {
              "symbols": [
                { "id": "M:Legacy.Finder.Find(System.String,System.String)", "roles": [ "person-lookup" ] },
                { "id": "M:Legacy.Finder.Find(System.String,System.String)", "roles": [ "subject" ], "parameters": { "pnr": { "roles": [ "subject" ] } }, "except": [ "M:Legacy.Finder.Find(System.String,System.String)#pnr" ] },
                { "id": "M:Legacy.Log.Seen(System.String)", "roles": [ "lookup-audit" ], "parameters": { "pnr": { "roles": [ "subject" ] } } }
              ]
            }
            """);
}
