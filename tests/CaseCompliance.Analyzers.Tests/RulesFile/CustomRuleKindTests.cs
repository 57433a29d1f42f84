using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using CaseCompliance.Analyzers.Tests.Verifiers;
using CaseCompliance.CodeFixes.Rules;
using static CaseCompliance.Analyzers.Tests.RulesFile.RulesFileTestSupport;

namespace CaseCompliance.Analyzers.Tests.RulesFile;

/// <summary>
/// A custom rule of every kind, defined only in the rules file, on roles no built-in rule has, on code without a single
/// annotation: it reports where it should and not where it should not, its own message and severity reach the
/// diagnostic, <c>.editorconfig</c> overrides the severity, and its kind's code fix (where the kind has one) applies,
/// also as fix-all.
/// </summary>
public class CustomRuleKindTests
{
    private static DiagnosticResult Custom(string id, int location = 0, DiagnosticSeverity severity = DiagnosticSeverity.Warning)
        => new DiagnosticResult(id, severity).WithLocation(location);

    // ---- purpose restriction --------------------------------------------------------------------------------------

    private const string PurposeRules = """
        {
          "purposes": { "quality-review": "reviewing the quality of case handling" },
          "categories": { "sick-leave-history": { "description": "days on sick leave, per year" } },
          "roles": { "quality-sample": "a case picked for the quality review" },
          "symbols": [
            { "id": "P:Cases.History.Days", "personalData": "sick-leave-history" },
            { "id": "P:Cases.History.Employer", "personalData": "identity" }
          ],
          "rules": [
            {
              "id": "CASE100",
              "name": "FK-KVALITET",
              "kind": "purposeRestriction",
              "title": "Sick-leave history outside case handling and quality review",
              "message": "'{data}' ({category}) may only be read for {allowed}; '{method}' reads it for {scope}",
              "severity": "suggestion",
              "data": { "categories": [ "sick-leave-history" ] },
              "purposes": [ "case-handling", "quality-review" ]
            }
          ]
        }
        """;

    [Fact]
    public Task Purpose_restriction_reports_its_data_read_for_other_purposes_with_its_own_message_and_severity()
        => VerifyAsync<Verifiers.PurposeRules>("""
            using CaseCompliance;
            namespace Cases { public class History { public int Days { get; set; } public string Employer { get; set; } = ""; } }

            [ProcessingPurpose(Purposes.Statistics)]
            class Stats { string Row(Cases.History h) => {|#0:h.Days|} + h.Employer; }

            [ProcessingPurpose("quality-review")]
            class Review { int Sample(Cases.History h) => h.Days; }
            """, PurposeRules,
            Custom("CASE100", severity: DiagnosticSeverity.Info)
                .WithMessage("[FK-KVALITET] 'History.Days' (sick-leave-history) may only be read for 'case-handling', 'quality-review'; 'Stats.Row' reads it for 'statistics'"));

    [Fact]
    public Task Purpose_restriction_editorconfig_severity_wins_over_the_file()
        => VerifyAsync<Verifiers.PurposeRules>("""
            using CaseCompliance;
            namespace Cases { public class History { public int Days { get; set; } public string Employer { get; set; } = ""; } }

            [ProcessingPurpose(Purposes.Statistics)]
            class Stats { int Row(Cases.History h) => {|#0:h.Days|}; }
            """, new[] { (TestSetup.RulesFilePath, PurposeRules) },
            new[] { Custom("CASE100", severity: DiagnosticSeverity.Error) },
            editorConfig: "root = true\n[*.cs]\ndotnet_diagnostic.CASE100.severity = error\n");

    [Fact]
    public Task Purpose_restriction_fix_declares_an_allowed_purpose_and_fixes_all()
    {
        var rules = PurposeRules.Replace("\"purposes\": [ \"case-handling\", \"quality-review\" ]", "\"purposes\": [ \"case-handling\", \"quality-review\" ], \"report\": \"outside\"");
        return CSharpCodeFixVerifier<Verifiers.PurposeRules, DeclarePurposeFix>.VerifyCodeFixWithRulesFileAsync("""
            using CaseCompliance;
            namespace Cases { public class History { public int Days { get; set; } public string Employer { get; set; } = ""; } }

            [ProcessingPurpose(Purposes.Statistics)]
            class Stats
            {
                int A(Cases.History h) => {|#0:h.Days|};
                int B(Cases.History h) => {|#1:h.Days|};
            }
            """, rules, """
            using CaseCompliance;
            namespace Cases { public class History { public int Days { get; set; } public string Employer { get; set; } = ""; } }

            [ProcessingPurpose(Purposes.Statistics)]
            class Stats
            {
                [ProcessingPurpose("quality-review")]
                int A(Cases.History h) => h.Days;
                [ProcessingPurpose("quality-review")]
                int B(Cases.History h) => h.Days;
            }
            """, "CASE100.NarrowPurpose.quality-review", Custom("CASE100", 0, DiagnosticSeverity.Info), Custom("CASE100", 1, DiagnosticSeverity.Info));
    }

    // ---- required on every path -----------------------------------------------------------------------------------

    private const string SignatureRules = """
        {
          "roles": {
            "register-export": "a call that sends the case register to another system",
            "export-receipt": "a call that records that the register was sent",
            "export-target": "the system the register goes to"
          },
          "symbols": [
            { "id": "M:Ops.Exporter.Send(System.String)", "roles": [ "register-export" ], "parameters": { "target": { "roles": [ "export-target" ] } } },
            { "id": "M:Ops.Receipts.Record(System.String)", "roles": [ "export-receipt" ], "parameters": { "target": { "roles": [ "export-target" ] } } }
          ],
          "rules": [
            {
              "id": "CASE101", "kind": "requiredOnEveryPath", "title": "Register export without a receipt",
              "message": "'{trigger}' sends the register, but a path through '{method}' never records it ({cover})",
              "trigger": "register-export", "cover": "export-receipt", "match": "export-target",
              "fixTitle": "Record the export with '{call}'"
            }
          ]
        }
        """;

    private const string SignatureCode = """
        namespace Ops
        {
            public class Exporter { public string Send(string target) => "transfer-1"; }
            public class Receipts { public void Record(string target) { } }
        }
        """;

    [Fact]
    public Task Required_on_every_path_reports_a_path_without_the_cover_and_not_a_covered_one()
        => VerifyAsync<LookupRules>(SignatureCode + """

            class Nightly
            {
                void A(Ops.Exporter e, Ops.Receipts r, bool retry) { if ({|#2:retry|}) { e.Send("fk"); r.Record("fk"); } else {|#0:e.Send("fk")|}; }
                void B(Ops.Exporter e, Ops.Receipts r) { try { e.Send("fk"); } finally { r.Record("fk"); } }
                void C(Ops.Exporter e, Ops.Receipts r) { {|#3:r.Record("skv")|}; {|#1:e.Send("fk")|}; }
            }
            """, SignatureRules,
            Custom("CASE101", 0).WithLocation(2).WithMessage("'Exporter.Send' sends the register, but a path through 'Nightly.A' never records it (export-receipt)"),
            Custom("CASE101", 1).WithLocation(3)); // the receipt for another target is the evidence

    [Fact]
    public Task Required_on_every_path_fix_inserts_the_cover_call_and_fixes_all()
        => CSharpCodeFixVerifier<LookupRules, InsertCoverCallFix>.VerifyCodeFixWithRulesFileAsync(SignatureCode + """

            class Nightly
            {
                private readonly Ops.Receipts receipts = new();

                void A(Ops.Exporter e, string target) { {|#0:e.Send(target)|}; }
                void B(Ops.Exporter e, string target) { {|#1:e.Send(target)|}; }
            }
            """, SignatureRules, SignatureCode + """

            class Nightly
            {
                private readonly Ops.Receipts receipts = new();

                void A(Ops.Exporter e, string target) { receipts.Record(target); e.Send(target); }
                void B(Ops.Exporter e, string target) { receipts.Record(target); e.Send(target); }
            }
            """, "CASE101.InsertCoverCall", Custom("CASE101", 0), Custom("CASE101", 1));

    // ---- guard before call ----------------------------------------------------------------------------------------

    private const string ExportRules = """
        {
          "roles": {
            "case-file-export": "a call that hands a case file to another agency",
            "recipient-check": "a check that the recipient may receive the case file",
            "secrecy-cleared": "tells whether secrecy has been cleared for the file (sekretessprövning)"
          },
          "symbols": [
            { "id": "M:Export.Exporter.Export*", "roles": [ "case-file-export" ] },
            { "id": "M:Export.Policy.MayReceive(System.String,Export.CaseFile)", "roles": [ "recipient-check" ] },
            { "id": "P:Export.CaseFile.SecrecyCleared", "roles": [ "secrecy-cleared" ] }
          ],
          "rules": [
            {
              "id": "CASE102", "kind": "guardBefore", "title": "Case file exported without a recipient check",
              "message": "'{trigger}' exports a case file, but a path through '{method}' reaches it without {cover}",
              "trigger": "case-file-export", "cover": "recipient-check", "checkedResult": true,
              "fixMessage": "The recipient may not receive this case file (OSL 10 kap.)."
            },
            {
              "id": "CASE103", "kind": "guardBefore", "title": "Case file exported before secrecy is cleared",
              "message": "'{trigger}' exports before '{cover}' holds in '{method}'",
              "trigger": "case-file-export", "status": "secrecy-cleared", "passedValues": [ "Cleared" ]
            }
          ]
        }
        """;

    private const string ExportCode = """
        namespace Export
        {
            public class CaseFile { public bool SecrecyCleared { get; set; } }
            public class Exporter { public void Export(CaseFile file, string recipient) { } }
            public class Policy { public bool MayReceive(string recipient, CaseFile file) => true; }
        }
        """;

    [Fact]
    public Task Guard_before_reports_calls_without_the_checked_guard_and_accepts_both_polarities()
        => VerifyAsync<ConflictRules>(ExportCode + """

            class Desk
            {
                void A(Export.Exporter e, Export.Policy p, Export.CaseFile f) { if (!p.MayReceive("skv", f)) return; if (f.SecrecyCleared) e.Export(f, "skv"); }
                void B(Export.Exporter e, Export.Policy p, Export.CaseFile f) { {|#2:p.MayReceive("skv", f)|}; if (f.SecrecyCleared) {|#0:e.Export(f, "skv")|}; }
                void C(Export.Exporter e, Export.Policy p, Export.CaseFile f) { if (p.MayReceive("skv", f) && f.SecrecyCleared) e.Export(f, "skv"); }
                void D(Export.Exporter e, Export.Policy p, Export.CaseFile f) { if (p.MayReceive("skv", f)) {|#1:e.Export(f, "skv")|}; }
            }
            """, ExportRules,
            Custom("CASE102", 0).WithLocation(2).WithMessage("'Exporter.Export' exports a case file, but a path through 'Desk.B' reaches it without recipient-check"),
            Custom("CASE103", 1).WithMessage("'Exporter.Export' exports before 'secrecy-cleared' holds in 'Desk.D'"));

    [Fact]
    public Task Guard_before_fix_inserts_the_checked_cover_call_with_the_rules_message_and_fixes_all()
    {
        var rules = ExportRules.Replace("\"id\": \"CASE103\"", "\"id\": \"CASE103\", \"severity\": \"none\"");
        return CSharpCodeFixVerifier<ConflictRules, InsertGuardFix>.VerifyCodeFixWithRulesFileAsync(ExportCode + """

            class Desk
            {
                private readonly Export.Policy policy = new();

                void A(Export.Exporter e, Export.CaseFile file, string recipient)
                {
                    {|#0:e.Export(file, recipient)|};
                }

                void B(Export.Exporter e, Export.CaseFile file, string recipient)
                {
                    {|#1:e.Export(file, recipient)|};
                }
            }
            """, rules, "using System;\n\n" + ExportCode + """

            class Desk
            {
                private readonly Export.Policy policy = new();

                void A(Export.Exporter e, Export.CaseFile file, string recipient)
                {
                    if (!policy.MayReceive(recipient, file))
                    {
                        throw new InvalidOperationException("The recipient may not receive this case file (OSL 10 kap.).");
                    }

                    e.Export(file, recipient);
                }

                void B(Export.Exporter e, Export.CaseFile file, string recipient)
                {
                    if (!policy.MayReceive(recipient, file))
                    {
                        throw new InvalidOperationException("The recipient may not receive this case file (OSL 10 kap.).");
                    }

                    e.Export(file, recipient);
                }
            }
            """, "CASE102.InsertGuard", Custom("CASE102", 0), Custom("CASE102", 1));
    }

    // ---- guarded body ---------------------------------------------------------------------------------------------

    private const string ReviewRules = """
        {
          "roles": {
            "rejection-approval": "approves a proposal to reject sick pay",
            "proposing-officer": "who proposed the rejection",
            "approving-specialist": "the specialist who approves it"
          },
          "symbols": [
            { "id": "M:Review.Board.Approve(Review.Proposal,System.String)", "roles": [ "rejection-approval" ], "parameters": { "specialist": { "roles": [ "approving-specialist" ] } } },
            { "id": "P:Review.Proposal.ProposedBy", "roles": [ "proposing-officer" ] }
          ],
          "rules": [
            {
              "id": "CASE104", "name": "SJP-TVA-SPECIALISTER", "kind": "guardedBody", "title": "Rejection approved without checking the specialist",
              "message": "'{method}' approves a rejection on a path where '{compared}' is never compared with the proposing officer",
              "guidelines": [ "SJP-TVA-SPECIALISTER" ],
              "trigger": "rejection-approval", "compareWith": "proposing-officer", "comparedParameter": "approving-specialist"
            }
          ]
        }
        """;

    [Fact]
    public Task Guarded_body_reports_a_method_that_records_without_the_comparison()
        => VerifyAsync<DualControlRules>("""
            namespace Review
            {
                public class Proposal { public string ProposedBy { get; set; } = ""; public string? ApprovedBy { get; set; } }
                public class Board
                {
                    public void {|#0:Approve|}(Proposal p, string specialist) { {|#1:p.ApprovedBy = specialist|}; }
                }

                public class CheckedBoard
                {
                    public void Approve(Proposal p, string specialist)
                    {
                        if (specialist == p.ProposedBy) throw new System.InvalidOperationException();
                        p.ApprovedBy = specialist;
                    }
                }
            }
            """, ReviewRules.Replace("\"id\": \"M:Review.Board.Approve(Review.Proposal,System.String)\"", "\"id\": [ \"M:Review.Board.Approve(Review.Proposal,System.String)\", \"M:Review.CheckedBoard.Approve(Review.Proposal,System.String)\" ]"),
            Custom("CASE104").WithLocation(1).WithMessage("[SJP-TVA-SPECIALISTER] 'Board.Approve' approves a rejection on a path where 'specialist' is never compared with the proposing officer"));

    [Fact]
    public Task Guarded_body_fix_rejects_equality_with_a_title_naming_the_rule_and_fixes_all()
    {
        var test = new CSharpCodeFixVerifier<DualControlRules, RejectEqualFix>.Test
        {
            TestCode = """
                namespace Review
                {
                    public class Proposal { public string ProposedBy { get; set; } = ""; public string? ApprovedBy { get; set; } }
                    public class Board
                    {
                        public void {|#0:Approve|}(Proposal p, string specialist) { {|#1:p.ApprovedBy = specialist|}; }
                    }
                }
                """,
            FixedCode = """
                using System;

                namespace Review
                {
                    public class Proposal { public string ProposedBy { get; set; } = ""; public string? ApprovedBy { get; set; } }
                    public class Board
                    {
                        public void Approve(Proposal p, string specialist)
                        {
                            if (specialist == p.ProposedBy)
                            {
                                throw new InvalidOperationException("'specialist' may not be the same as 'p.ProposedBy' (SJP-TVA-SPECIALISTER).");
                            }

                            p.ApprovedBy = specialist;
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = "CASE104.RejectEqual",
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Reject when 'specialist' is 'p.ProposedBy' (SJP-TVA-SPECIALISTER Sjukpenning: två olika specialister granskar avslag)", action.Title),
        };
        test.TestState.AdditionalFiles.Add((TestSetup.RulesFilePath, ReviewRules));
        test.FixedState.AdditionalFiles.Add((TestSetup.RulesFilePath, ReviewRules));
        test.ExpectedDiagnostics.Add(Custom("CASE104").WithLocation(1));
        return test.RunAsync();
    }

    // ---- must differ ----------------------------------------------------------------------------------------------

    private const string SpecialistRules = """
        {
          "roles": {
            "rejection-review": "reviews a proposal to reject sick pay",
            "first-specialist": "the first specialist",
            "second-specialist": "the second specialist, from another business area"
          },
          "symbols": [
            { "id": "M:Review.Panel.Review*", "roles": [ "rejection-review" ], "parameters": { "first": { "roles": [ "first-specialist" ] }, "second": { "roles": [ "second-specialist" ] } } }
          ],
          "rules": [
            {
              "id": "CASE105", "name": "SJP-TVA-SPECIALISTER", "kind": "mustDiffer", "title": "Rejection reviewed by one specialist",
              "message": "'{call}' is reviewed by '{first}' and '{second}', the same specialist",
              "guidelines": "SJP-TVA-SPECIALISTER",
              "call": "rejection-review", "first": "first-specialist", "second": "second-specialist"
            }
          ]
        }
        """;

    [Fact]
    public Task Must_differ_reports_the_same_value_twice_and_not_two_values()
        => VerifyAsync<DualControlRules>("""
            namespace Review { public class Panel { public void Review(string caseId, string first, string second) { } } }
            class Queue
            {
                void A(Review.Panel p, string onDuty, string other)
                {
                    {|#0:p.Review("c1", onDuty, onDuty)|};
                    var copy = onDuty;
                    {|#1:p.Review("c2", onDuty, copy)|};
                    p.Review("c3", onDuty, other);
                }
            }
            """, SpecialistRules,
            Custom("CASE105", 0).WithMessage("[SJP-TVA-SPECIALISTER] 'Panel.Review' is reviewed by 'onDuty' and 'onDuty', the same specialist"),
            Custom("CASE105", 1));

    [Fact]
    public Task Must_differ_with_editorconfig_none_reports_nothing()
        => VerifyAsync<DualControlRules>("""
            namespace Review { public class Panel { public void Review(string caseId, string first, string second) { } } }
            class Queue { void A(Review.Panel p, string onDuty) => p.Review("c1", onDuty, onDuty); }
            """, new[] { (TestSetup.RulesFilePath, SpecialistRules) }, Array.Empty<DiagnosticResult>(),
            editorConfig: "root = true\n[*.cs]\ndotnet_diagnostic.CASE105.severity = none\n");

    // ---- no flow to sink ------------------------------------------------------------------------------------------

    private const string TelemetryRules = """
        {
          "roles": {
            "telemetry": "a call that sends data to the vendor's telemetry service",
            "pseudonymizer": "returns a pseudonym for a personnummer"
          },
          "symbols": [
            { "id": "P:Support.Caller.Personnummer", "personalData": "identity" },
            { "id": "M:Vendor.Telemetry.Track(System.String,System.String)", "roles": [ "telemetry" ] },
            { "id": "M:Support.Pseudonyms.Of(System.String)", "roles": [ "pseudonymizer" ] }
          ],
          "rules": [
            {
              "id": "CASE106", "kind": "noFlowToSink", "title": "Personnummer sent to telemetry",
              "message": "'{data}' ({category}) reaches the vendor's telemetry '{sink}'",
              "data": { "categories": [ "identity" ] }, "sinks": "telemetry", "redactors": "pseudonymizer"
            }
          ]
        }
        """;

    private const string TelemetryCode = """
        namespace Vendor { public class Telemetry { public void Track(string name, string value) { } } }
        namespace Support
        {
            public class Caller { public string Personnummer { get; set; } = ""; }
            public static class Pseudonyms { public static string Of(string pnr) => "p-" + pnr.GetHashCode(); }
        }
        """;

    [Fact]
    public Task No_flow_to_sink_follows_the_data_into_the_custom_sink_and_stops_at_the_custom_redactor()
        => VerifyAsync<DisclosureRules>(TelemetryCode + """

            [CaseCompliance.ProcessingPurpose("case-handling")]
            class Desk
            {
                void A(Vendor.Telemetry t, Support.Caller c)
                {
                    var {|#1:text = $"caller {c.Personnummer}"|}; // evidence: where the data entered the local
                    t.Track("call", {|#0:text|});
                    t.Track("call", Support.Pseudonyms.Of(c.Personnummer));
                    System.Console.WriteLine(c.Personnummer.Length);
                }
            }
            """, TelemetryRules,
            Custom("CASE106").WithLocation(1).WithMessage("'Caller.Personnummer' (identity) reaches the vendor's telemetry 'Telemetry.Track'"));

    [Fact]
    public Task No_flow_to_sink_fix_wraps_the_value_in_the_custom_redactor_and_fixes_all()
        => CSharpCodeFixVerifier<DisclosureRules, RedactFix>.VerifyCodeFixWithRulesFileAsync(TelemetryCode + """

            [CaseCompliance.ProcessingPurpose("case-handling")]
            class Desk
            {
                void A(Vendor.Telemetry t, Support.Caller c) { t.Track("a", {|#0:c.Personnummer|}); t.Track("b", {|#1:"x" + c.Personnummer|}); }
            }
            """, TelemetryRules, "using Support;\n\n" + TelemetryCode + """

            [CaseCompliance.ProcessingPurpose("case-handling")]
            class Desk
            {
                void A(Vendor.Telemetry t, Support.Caller c) { t.Track("a", Pseudonyms.Of(c.Personnummer)); t.Track("b", "x" + Pseudonyms.Of(c.Personnummer)); }
            }
            """, "CASE106.Redact", Custom("CASE106", 0), Custom("CASE106", 1));

    // ---- no branch on ---------------------------------------------------------------------------------------------

    [Fact]
    public Task No_branch_on_reports_data_of_a_category_in_conditions_of_its_scope_only()
        => VerifyAsync<FairDecisionRules>("""
            namespace Benefits
            {
                public class Applicant { public string Municipality { get; set; } = ""; public int Income { get; set; } }
                public class Rates { public int For(Applicant a) => {|#1:a.Municipality|} == "Kiruna" ? 2 : {|#0:a.Municipality|} == "Malmö" ? 1 : 0; }
                public class Letters { public string Greeting(Applicant a) => a.Municipality == "Kiruna" ? "Hej" : "Hej!"; }
            }
            """, """
            {
              "categories": { "residence": { "description": "where the applicant lives" } },
              "roles": { "rate-logic": "code that sets the benefit rate" },
              "symbols": [
                { "id": "P:Benefits.Applicant.Municipality", "personalData": "residence" },
                { "id": "T:Benefits.Rates", "roles": [ "rate-logic" ], "processingPurposes": [ "case-handling" ] },
                { "id": "T:Benefits.Letters", "processingPurposes": [ "information" ] }
              ],
              "rules": [
                {
                  "id": "CASE107", "kind": "noBranchOn", "title": "Rate depends on residence",
                  "message": "'{data}' ({ground}) decides the rate in '{method}'",
                  "data": { "categories": [ "residence" ] }, "scope": "rate-logic"
                }
              ]
            }
            """,
            Custom("CASE107", 1).WithMessage("'Applicant.Municipality' (residence) decides the rate in 'Rates.For'"),
            Custom("CASE107"));

    // ---- required value -------------------------------------------------------------------------------------------

    private const string NoticeRules = """
        {
          "roles": { "appeal-notice": "a notice of how to appeal (överklagandehänvisning)", "appeal-instructions": "the instructions of the notice" },
          "symbols": [
            { "id": "T:Letters.AppealNotice", "roles": [ "appeal-notice" ] },
            { "id": "P:Letters.AppealNotice.Instructions", "roles": [ "appeal-instructions" ] }
          ],
          "rules": [
            {
              "id": "CASE108", "kind": "requiredValue", "title": "Appeal notice without instructions",
              "message": "'{type}' is created with '{member}' {problem}",
              "type": "appeal-notice", "member": "appeal-instructions",
              "fixPlaceholder": "explain how and by when the decision can be appealed (FL 46 §)"
            }
          ]
        }
        """;

    [Fact]
    public Task Required_value_reports_missing_and_empty_values_and_not_given_ones()
        => VerifyAsync<ReasoningRules>("""
            namespace Letters { public class AppealNotice { public string Instructions { get; set; } = ""; public string CaseId { get; set; } = ""; } }
            class Send
            {
                Letters.AppealNotice A() => {|#0:new Letters.AppealNotice { CaseId = "1" }|};
                Letters.AppealNotice B() => {|#1:new Letters.AppealNotice { CaseId = "1", Instructions = "" }|};
                Letters.AppealNotice C() => new Letters.AppealNotice { CaseId = "1", Instructions = "Skriv till oss inom tre veckor." };
            }
            """, NoticeRules,
            Custom("CASE108", 0).WithMessage("'AppealNotice' is created with 'Instructions' missing"),
            Custom("CASE108", 1).WithMessage("'AppealNotice' is created with 'Instructions' set to an empty string"));

    [Fact]
    public Task Required_value_fix_inserts_the_placeholder_the_rule_asks_for_and_fixes_all()
        => CSharpCodeFixVerifier<ReasoningRules, ProvideValueFix>.VerifyCodeFixWithRulesFileAsync("""
            namespace Letters { public class AppealNotice { public string Instructions { get; set; } = ""; public string CaseId { get; set; } = ""; } }
            class Send
            {
                Letters.AppealNotice A() => {|#0:new Letters.AppealNotice { CaseId = "1" }|};
                Letters.AppealNotice B() => {|#1:new Letters.AppealNotice { CaseId = "2", Instructions = "" }|};
            }
            """, NoticeRules, """
            using CaseCompliance;

            namespace Letters { public class AppealNotice { public string Instructions { get; set; } = ""; public string CaseId { get; set; } = ""; } }
            class Send
            {
                Letters.AppealNotice A() => new Letters.AppealNotice { CaseId = "1", Instructions = DecisionReasons.Missing("explain how and by when the decision can be appealed (FL 46 §)") };
                Letters.AppealNotice B() => new Letters.AppealNotice { CaseId = "2", Instructions = DecisionReasons.Missing("explain how and by when the decision can be appealed (FL 46 §)") };
            }
            """, "CASE108.ProvideValue", Custom("CASE108", 0), Custom("CASE108", 1));

    // ---- cover checks ---------------------------------------------------------------------------------------------

    [Fact]
    public Task Cover_matches_and_cover_not_swallowed_on_custom_roles()
        => VerifyAsync<LookupRules>(SignatureCode + """

            class Nightly
            {
                void A(Ops.Exporter e, Ops.Receipts r) { {|#0:r.Record("skv")|}; {|#5:e.Send("fk")|}; } // CASE109, not also CASE101: one mistake, one diagnostic
                string B(Ops.Exporter e, Ops.Receipts r) { var transfer = {|#4:e.Send("fk")|}; try { {|#2:r.Record("fk")|}; } {|#3:catch|} { } return transfer; }
            }
            """, SignatureRules.Replace("""
              "rules": [
            """, """
              "rules": [
                { "id": "CASE109", "kind": "coverMatches", "title": "Receipt for another target", "message": "'{cover}' records '{recorded}', but '{trigger}' sent to '{expected}'",
                  "trigger": "register-export", "cover": "export-receipt", "match": "export-target" },
                { "id": "CASE110", "kind": "coverNotSwallowed", "title": "Receipt failure swallowed", "message": "'{cover}' fails silently in '{method}'",
                  "trigger": "register-export", "cover": "export-receipt" },
            """),
            Custom("CASE109", 0).WithLocation(5).WithMessage("'Receipts.Record' records '\"skv\"', but 'Exporter.Send' sent to '\"fk\"'"),
            Custom("CASE110", 2).WithLocation(3).WithLocation(4));

    // ---- rules nobody uses ----------------------------------------------------------------------------------------

    [Fact]
    public Task A_hundred_custom_rules_whose_roles_occur_nowhere_report_nothing_and_change_nothing()
    {
        var kinds = new[]
        {
            "\"kind\": \"requiredOnEveryPath\", \"trigger\": \"a{0}\", \"cover\": \"b{0}\"",
            "\"kind\": \"guardBefore\", \"trigger\": \"a{0}\", \"cover\": \"b{0}\"",
            "\"kind\": \"guardedBody\", \"trigger\": \"a{0}\", \"compareWith\": \"b{0}\"",
            "\"kind\": \"mustDiffer\", \"call\": \"a{0}\", \"first\": \"b{0}\", \"second\": \"c{0}\"",
            "\"kind\": \"noFlowToSink\", \"sinks\": \"a{0}\"",
            "\"kind\": \"noBranchOn\", \"scope\": \"a{0}\"",
            "\"kind\": \"requiredValue\", \"type\": \"a{0}\", \"member\": \"b{0}\"",
            "\"kind\": \"purposeRestriction\", \"data\": {{ \"roles\": [ \"a{0}\" ] }}",
        };
        var roles = string.Join(", ", Enumerable.Range(0, 100).SelectMany(i => new[] { $"\"a{i}\": \"r\"", $"\"b{i}\": \"r\"", $"\"c{i}\": \"r\"" }));
        var rules = string.Join(",\n", Enumerable.Range(0, 100).Select(i =>
            $"{{ \"id\": \"CASE{100 + i}\", \"title\": \"t\", \"message\": \"m\", {string.Format(System.Globalization.CultureInfo.InvariantCulture, kinds[i % kinds.Length], i)} }}"));
        return VerifyAsync<AllRules>("""
            using CaseCompliance;
            public class Person { [PersonalData(DataCategories.Identity)] public string Personnummer { get; set; } = ""; }
            class Letter
            {
                string Head(Person p) => {|CASE001:p.Personnummer|};
                void Log(Person p) => System.Console.WriteLine({|CASE060:{|CASE001:p.Personnummer|}|});
            }
            """, $"{{ \"roles\": {{ {roles} }}, \"rules\": [ {rules} ] }}");
    }

    // ---- the catalog reaches the fixes, help links reach the diagnostics ------------------------------------------

    [Fact]
    public Task The_purpose_fix_offers_a_purpose_the_rules_file_declares()
    {
        var rules = """{ "purposes": { "user-support": "answering a citizen about their own case" }, "symbols": [ { "id": "P:Support.Ticket.CallerName", "personalData": "identity" } ] }""";
        return CSharpCodeFixVerifier<Verifiers.PurposeRules, DeclarePurposeFix>.VerifyCodeFixWithRulesFileAsync("""
            namespace Support { public class Ticket { public string CallerName { get; set; } = ""; } }
            class Desk
            {
                string Answer(Support.Ticket t) => {|CASE001:t.CallerName|};
            }
            """, rules, """
            using CaseCompliance;

            namespace Support { public class Ticket { public string CallerName { get; set; } = ""; } }
            class Desk
            {
                [ProcessingPurpose("user-support")]
                string Answer(Support.Ticket t) => t.CallerName;
            }
            """, "CASE001.DeclarePurpose.user-support");
    }

    [Fact]
    public async Task The_help_link_base_of_a_globalconfig_points_built_in_and_custom_rules_at_an_agencys_copy()
    {
        var test = new CSharpAnalyzerVerifier<DualControlRules>.Test
        {
            TestCode = """
                namespace Review { public class Panel { public void Review(string caseId, string first, string second) { } } }
                class Queue { void A(Review.Panel p, string onDuty) => {|#0:p.Review("c1", onDuty, onDuty)|}; }
                """,
            RunBothWays = false,
        };
        test.TestState.AdditionalFiles.Add((TestSetup.RulesFilePath, SpecialistRules.Replace("\"guidelines\": \"SJP-TVA-SPECIALISTER\",", "\"guidelines\": \"SJP-TVA-SPECIALISTER\", \"helpLink\": \"https://intranet.example/regler/tva-specialister\",")));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ncasecompliance.help_link_base = https://intranet.example/casecompliance/docs/rules\n"));
        test.ExpectedDiagnostics.Add(Custom("CASE105"));
        await test.RunAsync();

        // The same through the model the analyzers and fixes share.
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("x");
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty, new HelpBaseOptions("https://intranet.example/casecompliance/docs/rules"));
        var model = Model.CaseModel.GetOrCreate(compilation, options);
        Assert.Equal("https://intranet.example/casecompliance/docs/rules/CASE010.md", model.Rules.Single(r => r.Id == "CASE010").Descriptor.HelpLinkUri);
    }

    private sealed class HelpBaseOptions(string helpBase) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions { get; } = new Options(helpBase);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(null);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(null);

        private sealed class Options(string? helpBase) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == Model.CaseModel.HelpLinkBaseKey ? helpBase : null;
                return value is not null;
            }
        }
    }
}
