using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CaseCompliance.Analyzers.BuiltIn;
using CaseCompliance.Analyzers.RulesFile;
using CaseCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;
using Stj = System.Text.Json;

namespace CaseCompliance.Analyzers.Tests.RulesFile;

/// <summary>
/// Seeded fuzz tests of the rules file: garbled and near-miss versions of real rules files, read by the reader
/// (thousands) and given to every analyzer of the package (hundreds). A broken file is reported in the file, at a
/// line and column, and never takes an analyzer down or switches the rules for the code off.
/// <para>
/// Every variant comes from a seed document and a variant seed alone (<see cref="Reproduce(string, int)"/>), so a
/// failure message is enough to reproduce it. <c>CASECOMPLIANCE_FUZZ_SCALE</c> (an integer, default 1) multiplies
/// the variant counts for deeper local runs.
/// </para>
/// </summary>
public class RulesFileFuzzTests(ITestOutputHelper output)
{
    /// <summary>Where the variant lives in test B: the path every CASE9xx must point at.</summary>
    private const string RulesPath = "/src/casecompliance.json";

    private const string SourcePath = "/src/Legacy.cs";

    private const int BaseSeed = 20_250_917;

    /// <summary>Variants of test A per scale step, spread over the seed documents.</summary>
    private const int ReaderVariants = 4_800;

    /// <summary>Variants of test B per scale step.</summary>
    private const int AnalyzerVariants = 300;

    /// <summary>
    /// An architect's rules file for the Legacy CRM and benefits systems of <see cref="Source"/>: custom purposes,
    /// categories with default purposes, a ground, roles and a guideline; symbol entries by T:, M:, P:, F:, N: and A:
    /// IDs with a wildcard, a parameter (#name), a generic type, exclusions, parameters and return values; and one custom rule of each usable kind.
    /// Valid: it matches the source's symbols and gives no CASE9xx (a fact below holds it to that).
    /// </summary>
    internal const string ArchitectFile = """
        // casecompliance.json of the Legacy CRM and benefits systems: what the old code means, and our own rules.
        {
          "$schema": "https://casecompliance.example/casecompliance.schema.json",
          "version": 1,
          "purposes": {
            "customer-service": "answering a customer's question at the service desk",
            "benefit-review": "reviewing a benefit claim before it is paid"
          },
          "categories": {
            "crm-contact": { "description": "contact details the CRM keeps", "defaultPurposes": [ "customer-service" ] },
            "claim-history": { "description": "a person's earlier claims", "defaultPurposes": [ "benefit-review", "case-handling" ] }
          },
          "grounds": { "birth-cohort": "the year of birth, which stands for age" },
          "roles": {
            "customer-lookup": "a call that fetches a customer's records for a staff member",
            "access-record": "a call that records who looked at a customer",
            "looked-up-person": "the person a lookup or its record is about",
            "claim-approval": "a call that approves a claim",
            "approver": "who approves the claim",
            "claim-preparer": "who prepared the claim",
            "claim-approved": "tells whether a claim has been approved",
            "claim-payout": "a call that pays a claim out",
            "eligibility-logic": "code that decides whether a claim is eligible",
            "claim-notice": "a notice sent to the claimant",
            "notice-explanation": "the reasons a notice gives", // one trailing comma is allowed
          },
          "guidelines": {
            "CRM-SOK-1": {
              "source": "CRM-handboken, avsnitt 2",
              "quote": "varje sökning på en kund loggas med vem som sökte",
              "summary": "every customer lookup is recorded with who looked",
              "shortPhrase": "CRM: logga varje kundsökning"
            }
          },
          "symbols": [
            { "id": "T:Legacy.Crm.Customer", "personalData": { "category": "identity" }, "except": [ "P:Legacy.Crm.Customer.CustomerNumber" ] },
            { "id": "P:Legacy.Crm.Customer.Email", "personalData": { "category": "crm-contact", "purposes": [ "customer-service" ] } },
            { "id": "P:Legacy.Crm.Customer.Phone*", "personalData": "crm-contact", "note": "PhoneHome and PhoneWork" },
            { "id": "P:Legacy.Crm.Customer.BirthYear", "protectedCharacteristic": "birth-cohort" },
            { "id": "N:Legacy.Crm", "processingPurposes": [ "customer-service" ], "except": [ "T:Legacy.Crm.CustomerExport" ] },
            {
              "id": "M:Legacy.Crm.CustomerRegistry.Find(System.String)",
              "roles": [ "customer-lookup" ],
              "parameters": { "personnummer": { "roles": [ "looked-up-person" ] } },
              "returns": { "personalData": "identity", "note": "the customer's records" }
            },
            { "id": "M:Legacy.Crm.AccessLog.Record", "roles": "access-record", "parameters": { "personnummer": { "roles": "looked-up-person" } } },
            {
              "id": "M:Legacy.Benefits.Ledger.Approve(Legacy.Benefits.Claim,System.String)",
              "roles": [ "claim-approval" ],
              "parameters": { "approver": { "roles": [ "approver" ] } }
            },
            { "id": "F:Legacy.Benefits.Claim.PreparedBy", "roles": [ "claim-preparer" ] },
            { "id": "F:Legacy.Benefits.Claim.Approved", "roles": [ "claim-approved" ] },
            { "id": "M:Legacy.Benefits.Ledger.Pay*", "roles": [ "claim-payout" ] },
            { "id": [ "T:Legacy.Benefits.EligibilityRules", "T:Legacy.Benefits.AdvanceRules" ], "roles": [ "eligibility-logic" ] },
            { "id": "T:Legacy.Benefits.Notice", "roles": [ "claim-notice" ] },
            { "id": "P:Legacy.Benefits.Notice.Explanation", "roles": [ "notice-explanation" ] },
            { "id": "T:Legacy.Benefits.Desk", "processingPurposes": [ "benefit-review" ] },
            { "id": "A:Microsoft.Extensions.Logging.Abstractions", "legalBasis": [ { "reference": "Socialförsäkringsbalken 110 kap.", "grounds": [ "birth-cohort" ] } ] },
            { "id": "M:Legacy.Crm.CustomerExport.Send(System.String)#line", "personalData": "crm-contact" },
            { "id": "M:Legacy.Crm.Repository`1.Get(System.String)", "returns": { "personalData": { "category": "claim-history" } } },
            { "id": "M:Legacy.Crm.CustomerExport.Send*", "roles": [ "disclosure-sink" ], "suggested": true, "reason": "drafted by casecheck init" }
          ],
          "rules": [
            {
              "id": "CASE100", "kind": "purposeRestriction", "title": "CRM contact details outside customer service",
              "message": "'{data}' ({category}) may only serve {allowed}, but '{method}' works for {scope}",
              "guidelines": [ "EK-INTEGRITET-1" ], "data": { "categories": [ "crm-contact" ] }, "purposes": [ "customer-service" ], "report": "outside"
            },
            {
              "id": "CASE101", "kind": "requiredOnEveryPath", "title": "Customer lookup without an access record", "name": "CRM-SOK",
              "message": "'{trigger}' fetches a customer, but a path through '{method}' never records it", "severity": "error",
              "guidelines": "CRM-SOK-1", "helpLink": "https://intranet.example/casecompliance/CASE101",
              "trigger": "customer-lookup", "cover": "access-record", "match": "looked-up-person"
            },
            {
              "id": "CASE102", "kind": "mustDiffer", "title": "Claim approved by its preparer", "guidelines": [ "EK-SKATT-1" ],
              "message": "'{call}' is approved by '{first}', who prepared it ('{second}')",
              "call": "claim-approval", "first": "approver", "second": "claim-preparer"
            },
            {
              "id": "CASE103", "kind": "guardBefore", "title": "Claim paid before approval", "statutes": [ "Förordning (2007:603)" ],
              "message": "'{trigger}' pays a claim, but a path through '{method}' reaches it unapproved",
              "trigger": "claim-payout", "cover": "claim-approval", "status": "claim-approved", "fixMessage": "The claim is not approved."
            },
            {
              "id": "CASE104", "kind": "noBranchOn", "title": "Eligibility decided by birth cohort",
              "message": "'{data}' ({ground}) decides a condition in '{method}'", "data": { "grounds": [ "birth-cohort" ] },
              "scope": "eligibility-logic", "exemptPurposes": [ "statistics" ], "legalBasisExempts": true
            },
            {
              "id": "CASE105", "kind": "requiredValue", "title": "Notice without an explanation", "severity": "warning",
              "message": "'{type}' is sent with '{member}' {problem}", "type": "claim-notice", "member": "notice-explanation"
            },
            {
              "id": "CASE106", "kind": "noFlowToSink", "title": "CRM contact details written to the console",
              "message": "'{data}' ({category}) reaches '{sink}' unredacted",
              "data": { "categories": [ "crm-contact" ] }, "sinks": [ "console" ], "redactors": [ "redactor" ]
            },
            {
              "id": "CASE107", "kind": "coverNotSwallowed", "title": "Access record failure swallowed",
              "message": "'{cover}' may fail silently in '{method}' while the data of '{trigger}' is shown",
              "trigger": "customer-lookup", "cover": "access-record"
            }
          ]
        }

        """;

    /// <summary>
    /// The code <see cref="ArchitectFile"/> describes, plus one violation no rules file reaches: an attribute-annotated
    /// read without a purpose in a namespace no entry names (CASE001, whatever the rules file says).
    /// </summary>
    internal const string Source = """
        using System;
        using CaseCompliance;

        namespace Legacy.Crm
        {
            public class Customer
            {
                public string CustomerNumber { get; set; } = "";
                public string Name { get; set; } = "";
                public string Email { get; set; } = "";
                public string PhoneHome { get; set; } = "";
                public string PhoneWork { get; set; } = "";
                public int BirthYear { get; set; }
            }

            public class CustomerRegistry
            {
                public Customer Find(string personnummer) => new Customer();
            }

            public class AccessLog
            {
                public void Record(string personnummer, string officer) { }
            }

            public class CustomerScreen
            {
                private readonly CustomerRegistry registry = new CustomerRegistry();
                private readonly AccessLog log = new AccessLog();

                public string Show(string personnummer)
                {
                    var customer = registry.Find(personnummer);
                    return customer.Name;
                }

                public string ShowRecorded(string personnummer, string officer)
                {
                    var customer = registry.Find(personnummer);
                    try { log.Record(personnummer, officer); } catch (Exception) { }
                    return customer.Email;
                }

                public void Print(string personnummer, string officer)
                {
                    var customer = registry.Find(personnummer);
                    log.Record(personnummer, officer);
                    Console.WriteLine(customer.PhoneHome);
                }
            }

            public class CustomerExport
            {
                public void Send(string line) { }
            }

            public class Repository<T>
            {
                public T? Get(string key) => default;
            }
        }

        namespace Legacy.Benefits
        {
            using Legacy.Crm;

            public class Claim
            {
                public decimal Amount;
                public string PreparedBy = "";
                public bool Approved;
            }

            public class Ledger
            {
                public void Approve(Claim claim, string approver) { }
                public void Pay(Claim claim) { }
                public void PayAdvance(Claim claim) { }
            }

            public class EligibilityRules
            {
                public bool Eligible(Customer customer)
                {
                    if (customer.BirthYear < 1960)
                    {
                        return false;
                    }

                    return true;
                }
            }

            public class AdvanceRules
            {
                public decimal Advance(Claim claim) => claim.Amount / 2;
            }

            public sealed class Notice
            {
                public string Outcome { get; init; } = "";
                public string Explanation { get; init; } = "";
            }

            public class Desk
            {
                public Notice Process(Ledger ledger, Claim claim, Customer customer)
                {
                    ledger.Approve(claim, claim.PreparedBy);
                    ledger.Pay(claim);
                    var contact = customer.Email;
                    return new Notice { Outcome = "granted " + contact, Explanation = "" };
                }

                public void Advance(Ledger ledger, Claim claim)
                {
                    if (claim.Amount > 1000m)
                    {
                        ledger.PayAdvance(claim);
                    }
                }
            }
        }

        namespace Unrelated.Violation
        {
            public class Patient
            {
                [PersonalData(DataCategories.Health)]
                public string Diagnosis { get; set; } = "";
            }

            public class Export
            {
                public string Run(Patient p) => p.Diagnosis;
            }
        }

        """;

    /// <summary>The read of <see cref="Source"/> that CASE001 must report with every variant.</summary>
    private const string ViolationText = "p.Diagnosis";

    /// <summary>System.Text.Json's message when a comment stands between a property name and its colon, which the reader allows.</summary>
    private const string CommentBeforeColon = "is invalid after a property name. Expected a ':'";

    private static readonly Stj.JsonDocumentOptions RelaxedStj = new()
    {
        CommentHandling = Stj.JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    private static readonly Lazy<ImmutableArray<SeedDocument>> SeedDocuments = new(LoadSeeds);

    // ---- Test A: the reader ------------------------------------------------------------------------------------

    [Fact]
    public void Fuzz_reader_never_throws_locates_every_problem_and_reports_every_invalid_file()
    {
        var seeds = SeedDocuments.Value;
        var perSeed = (ReaderVariants * Scale + seeds.Length - 1) / seeds.Length;
        var total = perSeed * seeds.Length;
        var outcomes = new ReaderOutcome[total];
        var failures = new ConcurrentDictionary<int, string>();
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        // Variants are independent and each is made from its own seed, so running them in parallel changes nothing but the time.
        Parallel.For(0, total, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (n, loop) =>
        {
            var variant = Make(seeds[n / perSeed], VariantSeed(n / perSeed, n % perSeed));
            try
            {
                outcomes[n] = CheckReader(variant, seen);
            }
#pragma warning disable CA1031 // every failure, of the reader or of a check, is collected with its variant
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures[n] = Describe(variant, e);
                if (failures.Count >= 5)
                {
                    loop.Stop();
                }
            }
        });

        var invalid = outcomes.Count(o => o == ReaderOutcome.Invalid);
        var validWithProblems = outcomes.Count(o => o == ReaderOutcome.ValidWithProblems);
        var clean = outcomes.Count(o => o == ReaderOutcome.Clean);
        var knownGap = outcomes.Count(o => o == ReaderOutcome.KnownGap);
        output.WriteLine($"{total} variants of {seeds.Length} seed documents (scale {Scale}): {invalid} not JSON, {validWithProblems} JSON with problems, "
            + $"{clean} without problems, {knownGap} skipped as the known comment-before-colon gap of System.Text.Json");
        output.WriteLine("Problems seen: " + string.Join(", ", seen.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " x" + p.Value)));
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.OrderBy(f => f.Key).Select(f => f.Value)));

        // Not a tuning check: only that the mutations reach both syntax and meaning.
        Assert.True(total >= ReaderVariants * Scale, $"only {total} variants");
        Assert.InRange(invalid, 1, total - 1);
        Assert.InRange(validWithProblems, 1, total - 1);
        Assert.All(new[] { RuleIds.RulesFileInvalidJson, RuleIds.RulesFileSchema, RuleIds.RulesFileUndeclaredName, RuleIds.RulesFileUnknownKind },
            id => Assert.True(seen.ContainsKey(id), $"no variant gave {id}"));
    }

    private enum ReaderOutcome
    {
        /// <summary>Not run: the loop stopped after five failures.</summary>
        Unchecked,
        Invalid,
        ValidWithProblems,
        Clean,
        KnownGap,
    }

    private static ReaderOutcome CheckReader(Variant variant, ConcurrentDictionary<string, int> seen)
    {
        var text = SourceText.From(variant.Text);
        var document = RulesFileReader.Read(RulesPath, text);
        var set = RulesSet.Create(ImmutableArray.Create(document));

        var problems = new List<FileProblem>(document.Problems);
        foreach (var located in set.Problems)
        {
            Expect(located.Document == document, $"RulesSet reports {located.Problem.Descriptor.Id} in a document that is not the rules file");
            problems.Add(located.Problem);
        }

        foreach (var problem in problems)
        {
            var id = problem.Descriptor.Id;
            seen.AddOrUpdate(id, 1, static (_, n) => n + 1);
            Expect(RulesFileRules.All.Contains(problem.Descriptor), $"{id} is not a descriptor of RulesFileRules.All");
            Expect(problem.Span.Start >= 0 && problem.Span.Start <= problem.Span.End && problem.Span.End <= variant.Text.Length,
                $"{id} at {problem.Span} is outside the text (length {variant.Text.Length})");
            var message = Diagnostic.Create(problem.Descriptor, Location.None, problem.Arguments).GetMessage(CultureInfo.InvariantCulture);
            Expect(message.Length > 0, $"{id} has an empty message");
        }

        var invalidJson = problems.Any(p => p.Descriptor.Id == RuleIds.RulesFileInvalidJson);
        Expect(invalidJson == document.Unreadable, $"CASE900 reported: {invalidJson}, but the document's Unreadable is {document.Unreadable}");
        if (document.Unreadable)
        {
            Expect(document.Symbols.IsEmpty && document.Rules.IsEmpty && set.Entries.IsEmpty, "an unreadable file still applies entries");
        }

        // A custom rule the reader accepts must have an ID the analyzers declare: Roslyn throws on any other.
        var undeclared = UndeclaredCustomIds(document);
        Expect(undeclared.Count == 0, $"the reader accepts custom rules the analyzers cannot report: {string.Join(", ", undeclared.Select(Quote))}");

        var (valid, stjError) = StjVerdict(variant.Text);
        if (!valid && !invalidJson)
        {
            // System.Text.Json's one gap in comment support: none between a property name and its colon. The reader
            // allows them there (the same exception as JsonReaderTests.Random_mutations_of_the_rules_file_...).
            if (stjError.Contains(CommentBeforeColon, StringComparison.Ordinal))
            {
                return ReaderOutcome.KnownGap;
            }

            Fail($"System.Text.Json rejects the variant ({stjError}) but the reader reports no CASE900");
        }

        if (valid && invalidJson)
        {
            Fail($"System.Text.Json accepts the variant but the reader reports CASE900: {Messages(problems)}");
        }

        return !valid ? ReaderOutcome.Invalid
            : problems.Count > 0 ? ReaderOutcome.ValidWithProblems
            : ReaderOutcome.Clean;
    }

    private static readonly ImmutableHashSet<string> DeclaredCustomIds = CaseRules.CustomRange.Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>The IDs of the custom rules the reader accepted that no analyzer declares.</summary>
    private static List<string> UndeclaredCustomIds(RulesDocument document)
        => document.Rules.Select(r => r.Id.Name).Where(id => !DeclaredCustomIds.Contains(id)).ToList();

    // ---- Test B: every analyzer --------------------------------------------------------------------------------

    [Fact]
    public async Task Fuzz_every_analyzer_survives_garbled_rules_files_and_keeps_reporting_the_code()
    {
        var seeds = SeedDocuments.Value;
        var setup = await AnalyzerSetup.CreateAsync();

        // A seed whose own entries give the violation a purpose (a sample file could) cannot be asked for CASE001.
        var keepsViolation = new bool[seeds.Length];
        for (var s = 0; s < seeds.Length; s++)
        {
            var baseline = await setup.RunAsync(seeds[s].Text);
            keepsViolation[s] = baseline.Diagnostics.Any(IsTheViolation);
        }

        Assert.True(keepsViolation[0], "the architect's seed file must leave CASE001 on the violation");
        var count = AnalyzerVariants * Scale;
        var fromSeed = new int[count];
        var valid = new bool[count];
        var failures = new ConcurrentDictionary<int, string>();
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        try
        {
            // Each run has a compilation of its own; the analyzers (stateless, as RS1008 wants) are shared, as in a host.
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = stop.Token },
                async (i, _) =>
                {
                    // Two of three variants come from the architect's file, which matches the source; the rest from the others.
                    var s = seeds.Length == 1 || i % 3 != 2 ? 0 : 1 + (i / 3 % (seeds.Length - 1));
                    var variant = Make(seeds[s], VariantSeed(s, 1_000_000 - 1 - i));
                    fromSeed[i] = s;
                    try
                    {
                        var run = await setup.RunAsync(variant.Text);
                        foreach (var id in run.Diagnostics.Select(d => d.Id).Distinct())
                        {
                            seen.AddOrUpdate(id, 1, static (_, n) => n + 1);
                        }

                        valid[i] = CheckAnalyzers(variant, run, keepsViolation[s]);
                    }
#pragma warning disable CA1031 // every failure is collected with its variant
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        failures[i] = Describe(variant, e);
                        if (failures.Count >= 5)
                        {
                            await stop.CancelAsync();
                        }
                    }
                });
        }
        catch (OperationCanceledException) when (!failures.IsEmpty)
        {
            // Stopped after five failures: they are reported below.
        }

        output.WriteLine($"{count} variants (scale {Scale}), {valid.Count(v => !v)} not JSON; per seed: "
            + string.Join(", ", seeds.Select((seed, s) => seed.Name + " " + fromSeed.Count(f => f == s))));
        output.WriteLine("Variants reporting each ID: " + string.Join(", ", seen.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " x" + p.Value)));
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.OrderBy(f => f.Key).Select(f => f.Value)));

        // Not a tuning check: only that the variants reach the checks that need the compilation.
        Assert.All(new[] { RuleIds.RulesFileInvalidJson, RuleIds.RulesFileSchema, RuleIds.RulesFileUnmatchedId },
            id => Assert.True(seen.ContainsKey(id), $"no variant gave {id}"));
    }

    /// <summary>Checks one run; returns whether the variant is valid JSON.</summary>
    private static bool CheckAnalyzers(Variant variant, AnalyzerRun run, bool keepsViolation)
    {
        var text = SourceText.From(variant.Text);
        var exceptions = run.Exceptions.ToList();
        Expect(exceptions.Count == 0, "analyzer exceptions:\n" + string.Join("\n", exceptions.Select(e => TopFrames(e))));
        var ad0001 = run.Diagnostics.Where(d => d.Id == "AD0001").ToList();
        Expect(ad0001.Count == 0, "AD0001: " + string.Join("; ", ad0001.Select(d => d.GetMessage(CultureInfo.InvariantCulture))));

        foreach (var diagnostic in run.Diagnostics)
        {
            var where = $"{diagnostic.Id} '{diagnostic.GetMessage(CultureInfo.InvariantCulture)}' at {diagnostic.Location}";
            if (!diagnostic.Id.StartsWith("CASE9", StringComparison.Ordinal))
            {
                Expect(diagnostic.Location.IsInSource && diagnostic.Location.SourceTree!.FilePath == SourcePath, $"{where}: a code diagnostic outside the code");
                continue;
            }

            Expect(diagnostic.Location.Kind == LocationKind.ExternalFile, $"{where}: not in the rules file (kind {diagnostic.Location.Kind})");
            var lines = diagnostic.Location.GetLineSpan();
            Expect(lines.Path == RulesPath, $"{where}: path '{lines.Path}' is not the rules file");
            Expect(lines.IsValid && InText(text, lines.StartLinePosition) && InText(text, lines.EndLinePosition) && lines.StartLinePosition <= lines.EndLinePosition,
                $"{where}: line span {lines.Span} is not inside the file's {text.Lines.Count} lines");
            Expect(diagnostic.Location.SourceSpan.End <= text.Length, $"{where}: span {diagnostic.Location.SourceSpan} ends after the text ({text.Length})");
        }

        var (valid, stjError) = StjVerdict(variant.Text);
        if (!valid && !stjError.Contains(CommentBeforeColon, StringComparison.Ordinal))
        {
            Expect(run.Diagnostics.Any(d => d.Id == RuleIds.RulesFileInvalidJson), $"not JSON ({stjError}) but no CASE900");
        }

        if (keepsViolation)
        {
            Expect(run.Diagnostics.Any(IsTheViolation), $"CASE001 on '{ViolationText}' is gone: the rules file switched a rule for the code off. Reported: "
                + string.Join(", ", run.Diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal)));
        }

        return valid;
    }

    private static bool InText(SourceText text, LinePosition position)
        => position.Line >= 0 && position.Line < text.Lines.Count && position.Character >= 0
            && position.Character <= text.Lines[position.Line].SpanIncludingLineBreak.Length;

    private static bool IsTheViolation(Diagnostic diagnostic)
        => diagnostic.Id == RuleIds.UndeclaredPurpose && diagnostic.Location.IsInSource
            && diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan) == ViolationText;

    // ---- The seeds themselves ----------------------------------------------------------------------------------

    [Fact]
    public async Task Fuzz_seed_the_architects_file_is_clean_matches_the_source_and_its_rules_report()
    {
        var document = RulesFileReader.Read(RulesPath, SourceText.From(ArchitectFile));
        Assert.Empty(document.Problems);
        Assert.Equal(8, document.Rules.Length);

        var setup = await AnalyzerSetup.CreateAsync();
        Assert.Empty(setup.Compile().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var run = await setup.RunAsync(ArchitectFile);

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics.Where(d => d.Id.StartsWith("CASE9", StringComparison.Ordinal) || d.Id == "AD0001"));
        Assert.Contains(run.Diagnostics, IsTheViolation);
        var reported = run.Diagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(Enumerable.Range(100, 8).Select(RuleIds.Custom), id => Assert.True(reported.Contains(id), $"{id} does not report on the source"));
    }

    [Fact]
    public void Fuzz_seed_the_builtin_file_as_an_architects_file_is_refused_rule_by_rule()
    {
        var text = BuiltInRules.Text.ToString();
        var document = RulesFileReader.Read(RulesPath, SourceText.From(text));

        Assert.DoesNotContain(document.Problems, p => p.Descriptor.Id == RuleIds.RulesFileInvalidJson);
        Assert.Empty(document.Rules);
        Assert.Equal(BuiltInRules.Document.Rules.Length, document.Problems.Count(p => p.Descriptor.Id == RuleIds.RulesFileInvalidRuleId));
    }

    [Fact]
    public void Fuzz_variants_are_reproducible_from_the_seed_document_and_the_variant_seed()
    {
        foreach (var seed in SeedDocuments.Value)
        {
            for (var i = 0; i < 50; i++)
            {
                var first = Reproduce(seed.Name, VariantSeed(0, i));
                var second = Reproduce(seed.Name, VariantSeed(0, i));
                Assert.Equal(first.Mutation, second.Mutation);
                Assert.Equal(first.Text, second.Text);
                Assert.NotEqual(seed.Text, first.Text);
            }
        }
    }

    // ---- Regressions -------------------------------------------------------------------------------------------

    /// <summary>
    /// Found by reading RuleIds.IsCustom; the look-alike near-miss ("CASE106" with a digit pasted from another script)
    /// reaches it too. A custom ID with non-ASCII digits ("CASE1٠٠") was accepted, and when its rule reported, Roslyn
    /// threw out of the host's action (the hosts declare CASE100-CASE199 in ASCII). Now it is CASE906.
    /// </summary>
    [Fact]
    public async Task Regression_a_custom_rule_ID_with_non_ASCII_digits_is_CASE906_and_nothing_throws()
    {
        const string rules = """
            { "rules": [ { "id": "CASE1\u0660\u0660", "kind": "noFlowToSink", "title": "t", "message": "m", "sinks": "console" } ] }
            """;
        const string source = """
            using CaseCompliance;
            public class Patient { [PersonalData(DataCategories.Health)] public string Diagnosis { get; set; } = ""; }
            [ProcessingPurpose("case-handling")]
            public class Export { public void Run(Patient p) => System.Console.WriteLine(p.Diagnosis); }
            """;

        var run = await (await AnalyzerSetup.CreateAsync(source)).RunAsync(rules);

        Assert.True(run.Exceptions.IsEmpty, "analyzer exceptions:\n" + string.Join("\n", run.Exceptions.Select(e => TopFrames(e))));
        Assert.Contains(run.Diagnostics, d => d.Id == RuleIds.RulesFileInvalidRuleId);
    }

    // ---- Seeds, scale and variants -----------------------------------------------------------------------------

    private sealed record SeedDocument(string Name, string Text);

    /// <summary>One garbled rules file: where it came from, how, and its text.</summary>
    internal sealed record Variant(string SeedName, int Seed, string Mutation, string Text, int Focus);

    /// <summary>The <c>CASECOMPLIANCE_FUZZ_SCALE</c> multiplier, 1 unless set to a larger integer.</summary>
    private static int Scale
        => int.TryParse(Environment.GetEnvironmentVariable("CASECOMPLIANCE_FUZZ_SCALE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale) && scale > 1
            ? scale
            : 1;

    private static int VariantSeed(int seedIndex, int index) => unchecked(BaseSeed + (seedIndex * 7_919_993) + index);

    /// <summary>Rebuilds a variant from a failure message: the seed document's name and the variant seed.</summary>
    internal static Variant Reproduce(string seedName, int variantSeed)
        => Make(SeedDocuments.Value.Single(s => s.Name == seedName), variantSeed);

    /// <summary>The architect's file, the built-in file as an architect's file, and every rules file under samples/.</summary>
    private static ImmutableArray<SeedDocument> LoadSeeds()
    {
        var seeds = ImmutableArray.CreateBuilder<SeedDocument>();
        seeds.Add(new SeedDocument("architect", ArchitectFile));
        seeds.Add(new SeedDocument("builtin", BuiltInRules.Text.ToString()));
        var root = RepositoryRoot();
        var samples = Path.Combine(root, "samples");
        if (Directory.Exists(samples))
        {
            var files = Directory.EnumerateFiles(samples, "*.json", SearchOption.AllDirectories)
                .Where(f => IsRulesFileName(Path.GetFileName(f)))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.Split('/').Any(part => part.Equals("bin", StringComparison.OrdinalIgnoreCase) || part.Equals("obj", StringComparison.OrdinalIgnoreCase)))
                .OrderBy(f => f, StringComparer.Ordinal);
            foreach (var file in files)
            {
                seeds.Add(new SeedDocument(file, File.ReadAllText(Path.Combine(root, file))));
            }
        }

        return seeds.ToImmutable();
    }

    private static bool IsRulesFileName(string name)
        => name.Equals("casecompliance.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".casecompliance.json", StringComparison.OrdinalIgnoreCase);

    private static string RepositoryRoot()
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

    // ---- Mutations ---------------------------------------------------------------------------------------------

    /// <summary>One variant: one mutation, or (one time in four) two in a row, all drawn from <c>new Random(variantSeed)</c>.</summary>
    private static Variant Make(SeedDocument seed, int variantSeed)
    {
        var random = new Random(variantSeed);
        var text = seed.Text;
        var steps = new List<string>();
        var focus = 0;
        var count = random.Next(4) == 0 ? 2 : 1;
        for (var m = 0; m < count; m++)
        {
            string mutated, what;
            do
            {
                (mutated, what, focus) = Mutate(random, text);
            }
            while (mutated == text);

            text = mutated;
            steps.Add(what);
        }

        return new Variant(seed.Name, variantSeed, string.Join(", then ", steps), text, focus);
    }

    /// <summary>Tokens that matter to the grammar or that the reader must refuse: brackets, a huge number, comment openers, a NUL, a BOM.</summary>
    private static readonly string[] Tokens = { "{", "}", "[", "]", ",", ":", "\"", "null", "1e999", "\"x\"", "//", "/*", "\u0000", "\\u0000", "\uFEFF" };

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>What a near-miss edit puts in: the characters names, IDs and kinds are made of (no '*', no quote, no backslash).</summary>
    private const string NearMissAlphabet = Letters + "0123456789-.:_";

    private static (string Text, string What, int Focus) Mutate(Random random, string text)
    {
        switch (random.Next(8))
        {
            case 0:
            {
                var at = random.Next(text.Length);
                return (text.Substring(0, at), $"truncate at {at}", at);
            }

            case 1:
            {
                var start = random.Next(text.Length);
                var length = Math.Min(random.Next(1, 21), text.Length - start);
                return (text.Remove(start, length), $"delete [{start}, {start + length}) {Quote(text.Substring(start, length))}", start);
            }

            case 2:
            {
                var at = random.Next(text.Length + 1);
                var token = random.Next(Tokens.Length + 2) switch
                {
                    var t when t < Tokens.Length => Tokens[t],
                    var t when t == Tokens.Length => ((char)random.Next(0xD800, 0xE000)).ToString(),
                    _ => Letters[random.Next(Letters.Length)].ToString(),
                };
                return (text.Insert(at, token), $"insert {Quote(token)} at {at}", at);
            }

            case 3:
                return SwapLines(random, text);
            case 4:
                return DuplicatePropertyLine(random, text);
            case 5:
                return ReplaceString(random, text, nearMiss: false);
            default:
                // Near-misses twice as often: they are what makes valid JSON that means something wrong.
                return ReplaceString(random, text, nearMiss: true);
        }
    }

    private static (string Text, string What, int Focus) SwapLines(Random random, string text)
    {
        var lines = SplitLines(text);
        if (lines.Count < 2)
        {
            return (text, "", 0);
        }

        var firstStart = random.Next(lines.Count - 1);
        var firstLength = random.Next(1, Math.Min(5, lines.Count - firstStart - 1) + 1);
        var secondStart = random.Next(firstStart + firstLength, lines.Count);
        var secondLength = random.Next(1, Math.Min(5, lines.Count - secondStart) + 1);
        var swapped = new StringBuilder(text.Length);
        Append(swapped, lines, 0, firstStart);
        Append(swapped, lines, secondStart, secondLength);
        Append(swapped, lines, firstStart + firstLength, secondStart - firstStart - firstLength);
        Append(swapped, lines, firstStart, firstLength);
        Append(swapped, lines, secondStart + secondLength, lines.Count - secondStart - secondLength);
        var focus = lines.Take(firstStart).Sum(l => l.Length);
        return (swapped.ToString(), $"swap lines {firstStart + 1}-{firstStart + firstLength} with lines {secondStart + 1}-{secondStart + secondLength}", focus);
    }

    private static (string Text, string What, int Focus) DuplicatePropertyLine(Random random, string text)
    {
        var lines = SplitLines(text);
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimStart().StartsWith('"') && lines[i].Contains("\":", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return (text, "", 0);
        }

        var index = candidates[random.Next(candidates.Count)];
        var line = lines[index];
        var content = line.TrimEnd('\r', '\n');
        var ending = line.Substring(content.Length);
        var original = content.TrimEnd();

        // The last property of an object has no comma: give the first copy one, so that the result stays JSON.
        var first = (original.EndsWith(',') ? content : original + "," + content.Substring(original.Length)) + (ending.Length == 0 ? "\n" : ending);
        var duplicated = new StringBuilder(text.Length + line.Length + 2);
        Append(duplicated, lines, 0, index);
        duplicated.Append(first).Append(line);
        Append(duplicated, lines, index + 1, lines.Count - index - 1);
        var focus = lines.Take(index).Sum(l => l.Length);
        return (duplicated.ToString(), $"duplicate line {index + 1} {Quote(content.Trim())}", focus);
    }

    private static (string Text, string What, int Focus) ReplaceString(Random random, string text, bool nearMiss)
    {
        var literals = StringLiterals(text);
        if (nearMiss)
        {
            literals = literals.Where(l => l.End > l.Start && text.IndexOf('\\', l.Start, l.End - l.Start) < 0).ToList();
        }

        if (literals.Count == 0)
        {
            return (text, "", 0);
        }

        var (start, end) = literals[random.Next(literals.Count)];
        var old = text.Substring(start, end - start);
        var replacement = nearMiss ? NearMiss(random, old) : Garbage(random);
        var what = nearMiss ? "near-miss" : "garbage";
        return (text.Substring(0, start) + replacement + text.Substring(end), $"{what} string at {start}: {Quote(old)} -> {Quote(replacement)}", start);
    }

    /// <summary>
    /// One edit: a character replaced (by one of its own class, so that CASE101 can become CASE102 and "kind" "kinf"),
    /// dropped, added or two swapped, like a typo.
    /// </summary>
    private static string NearMiss(Random random, string value)
    {
        if (random.Next(8) == 0 && LookAlike(random, value) is { } pasted)
        {
            return pasted;
        }

        var at = random.Next(value.Length);
        var c = NearMissAlphabet[random.Next(NearMissAlphabet.Length)];
        return random.Next(4) switch
        {
            0 => value.Substring(0, at) + SameClass(random, value[at]) + value.Substring(at + 1),
            1 => value.Remove(at, 1),
            2 => value.Insert(random.Next(value.Length + 1), c.ToString()),
            _ when value.Length > 1 && at < value.Length - 1 && value[at] != value[at + 1] =>
                value.Substring(0, at) + value[at + 1] + value[at] + value.Substring(at + 2),
            _ => value.Substring(0, at) + (value[at] == c ? '_' : c) + value.Substring(at + 1),
        };
    }

    /// <summary>
    /// A character replaced by one that looks the same, as text pasted from a word processor brings: a non-ASCII digit,
    /// a typographic hyphen, a Cyrillic letter, a no-break space. Null when the value has none of those characters.
    /// </summary>
    private static string? LookAlike(Random random, string value)
    {
        var positions = Enumerable.Range(0, value.Length).Where(i => LookAlikes(value[i]).Length > 0).ToList();
        if (positions.Count == 0)
        {
            return null;
        }

        var at = positions[random.Next(positions.Count)];
        var choices = LookAlikes(value[at]);
        return value.Substring(0, at) + choices[random.Next(choices.Length)] + value.Substring(at + 1);
    }

    private static string LookAlikes(char c) => c switch
    {
        >= '0' and <= '9' => new string(new[] { (char)('\uFF10' + (c - '0')), (char)('\u0660' + (c - '0')), (char)('\u0966' + (c - '0')) }),
        '-' => "\u2010\u2013\u2212",
        ' ' => "\u00A0\u2009",
        'a' => "\u0430",
        'c' => "\u0441",
        'e' => "\u0435",
        'o' => "\u043E",
        'p' => "\u0440",
        'A' => "\u0391\u0410",
        'C' => "\u0421",
        'E' => "\u0415",
        'S' => "\u0405",
        _ => "",
    };

    private static char SameClass(Random random, char c)
    {
        var pool = c switch
        {
            >= '0' and <= '9' => "0123456789",
            >= 'a' and <= 'z' => "abcdefghijklmnopqrstuvwxyz",
            >= 'A' and <= 'Z' => "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            _ => NearMissAlphabet,
        };
        char other;
        do
        {
            other = pool[random.Next(pool.Length)];
        }
        while (other == c);

        return other;
    }

    /// <summary>Mostly characters a string may hold, escapes among them, and now and then one it may not.</summary>
    private static string Garbage(Random random)
    {
        const string plain = "abcXYZ019 -_.:*#/åé€{}[],;'";
        string[] escapes = { "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e5", "\\uD83D\\uDE00", "\\uDE00" };
        string[] illegal = { "\"", "\\", "\t", "\n", "\u0001", "\\x", "\\u12" };
        var builder = new StringBuilder();
        var length = random.Next(13);
        for (var i = 0; i < length; i++)
        {
            var roll = random.Next(16);
            builder.Append(roll switch
            {
                0 => escapes[random.Next(escapes.Length)],
                1 => illegal[random.Next(illegal.Length)],
                _ => plain[random.Next(plain.Length)].ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>The contents (between the quotes) of the string literals outside comments; a broken one ends the scan.</summary>
    private static List<(int Start, int End)> StringLiterals(string text)
    {
        var literals = new List<(int, int)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i);
                if (i < 0)
                {
                    break;
                }
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (i < 0)
                {
                    break;
                }

                i++;
            }
            else if (text[i] == '"')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != '"' && text[j] != '\n')
                {
                    j += text[j] == '\\' ? 2 : 1;
                }

                if (j >= text.Length || text[j] != '"')
                {
                    break;
                }

                literals.Add((i + 1, j));
                i = j;
            }
        }

        return literals;
    }

    /// <summary>Lines with their line breaks, so that joining them gives the text back.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }

    private static void Append(StringBuilder builder, List<string> lines, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            builder.Append(lines[i]);
        }
    }

    // ---- The oracle --------------------------------------------------------------------------------------------

    /// <summary>
    /// Whether System.Text.Json, with the reader's relaxations (comments, trailing commas, depth 64), accepts the text.
    /// Two differences of input, not of grammar, are evened out first: System.Text.Json skips a byte-order mark in
    /// bytes but not in a string, and it refuses to transcode a lone surrogate at all, where the reader sees one
    /// character (inside a string an ordinary one, outside a string an error, like U+FFFD for System.Text.Json).
    /// </summary>
    private static (bool Valid, string Error) StjVerdict(string text)
    {
        var normalized = new StringBuilder(text.Length);
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                normalized.Append(c).Append(text[++i]);
            }
            else
            {
                normalized.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        try
        {
            using var document = Stj.JsonDocument.Parse(normalized.ToString(), RelaxedStj);
            return (true, "");
        }
        catch (Stj.JsonException e)
        {
            return (false, e.Message);
        }
    }

    // ---- Running the analyzers ---------------------------------------------------------------------------------

    private sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions);

    /// <summary>What every run shares: the parsed source, the references and the analyzers; each run gets a compilation of its own.</summary>
    private sealed class AnalyzerSetup
    {
        private readonly SyntaxTree tree;
        private readonly ImmutableArray<MetadataReference> references;
        private readonly ImmutableArray<DiagnosticAnalyzer> analyzers = RobustnessTests.AllAnalyzers();

        private AnalyzerSetup(SyntaxTree tree, ImmutableArray<MetadataReference> references)
        {
            this.tree = tree;
            this.references = references;
        }

        public static async Task<AnalyzerSetup> CreateAsync(string source = Source)
        {
            var references = (await TestSetup.References.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
                .Add(TestSetup.Annotations)
                .AddRange(TestSetup.LoggingAndCompliance);
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(TestSetup.Language), SourcePath);
            return new AnalyzerSetup(tree, references);
        }

        public Compilation Compile() => CSharpCompilation.Create("FuzzTarget", new[] { tree }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        public async Task<AnalyzerRun> RunAsync(string rulesFile)
        {
            var exceptions = new ConcurrentQueue<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(RulesPath, rulesFile))),
                (exception, analyzer, diagnostic) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var diagnostics = await Compile().WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return new AnalyzerRun(diagnostics, exceptions.ToImmutableArray());
        }
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }

    // ---- Failure messages --------------------------------------------------------------------------------------

    private sealed class FuzzCheckFailed(string message) : Exception(message);

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            Fail(message);
        }
    }

    private static void Fail(string message) => throw new FuzzCheckFailed(message);

    private static string Messages(IEnumerable<FileProblem> problems)
        => string.Join("; ", problems.Select(p => p.Descriptor.Id + " at " + p.Span + ": "
            + Diagnostic.Create(p.Descriptor, Location.None, p.Arguments).GetMessage(CultureInfo.InvariantCulture)));

    private static string Describe(Variant variant, Exception e)
    {
        var what = e is FuzzCheckFailed ? e.Message : "exception: " + TopFrames(e);
        return $"""
            {what}
              seed document: {variant.SeedName}, variant seed: {variant.Seed.ToString(CultureInfo.InvariantCulture)}, mutation: {variant.Mutation}
              reproduce: RulesFileFuzzTests.Reproduce("{variant.SeedName}", {variant.Seed.ToString(CultureInfo.InvariantCulture)})
              variant text ({variant.Text.Length} characters):
            {Shorten(variant.Text, variant.Focus)}
            """;
    }

    private static string TopFrames(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n').Take(8).Select(f => "    " + f.Trim());
        return e.GetType().FullName + ": " + e.Message + "\n" + string.Join("\n", frames) + (e.InnerException is { } inner ? "\n  inner: " + TopFrames(inner) : "");
    }

    /// <summary>The text around the mutation, with the characters a terminal would hide or mangle written as escapes.</summary>
    private static string Shorten(string text, int focus)
    {
        const int Window = 700;
        var start = Math.Max(0, Math.Min(focus - (Window / 2), text.Length - Window));
        var length = Math.Min(Window, text.Length - start);
        var builder = new StringBuilder();
        if (start > 0)
        {
            builder.Append("[... ").Append(start).Append(" characters ...]");
        }

        foreach (var c in text.AsSpan(start, length))
        {
            builder.Append(c is '\n' or '\r' or '\t' || (c >= ' ' && !char.IsSurrogate(c) && c != '\uFEFF' && c != '\u007F') ? c.ToString() : $"\\u{(int)c:X4}");
        }

        if (start + length < text.Length)
        {
            builder.Append("[... ").Append(text.Length - start - length).Append(" characters ...]");
        }

        return builder.ToString();
    }

    private static string Quote(string value)
    {
        var shown = value.Length > 60 ? value.Substring(0, 57) + "..." : value;
        var builder = new StringBuilder("'");
        foreach (var c in shown)
        {
            builder.Append(c >= ' ' && !char.IsSurrogate(c) && c != '\uFEFF' && c != '\u007F' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return builder.Append('\'').ToString();
    }
}
