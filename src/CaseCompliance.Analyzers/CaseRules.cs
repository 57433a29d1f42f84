using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CaseCompliance.Analyzers
{
    /// <summary>
    /// The descriptor catalog: every built-in rule's descriptor, created by <c>Create</c> so that
    /// category, default severity, help link and guideline tags are the same for all.
    /// </summary>
    public static class CaseRules
    {
        public const string Category = "CaseCompliance";

        /// <summary>Where the rule pages live; each descriptor links to <c>{HelpLinkBase}{ID}.md</c>.</summary>
        public const string HelpLinkBase = "https://github.com/casecompliance/casecompliance/blob/main/docs/rules/";

        /// <summary>The custom tag that carries a guideline ID, as <c>guideline:EK-INTEGRITET-1</c>.</summary>
        public const string GuidelineTagPrefix = "guideline:";

        public static readonly DiagnosticDescriptor UndeclaredPurpose = Create(RuleIds.UndeclaredPurpose,
            "Personal data read without a declared purpose",
            "'{0}' is personal data ({1}) but '{2}' declares no processing purpose",
            "Personal data may only be read by code that declares what it is processed for. Add [ProcessingPurpose] to the member, its type or the assembly.",
            Guidelines.EkIntegritet1, Guidelines.UppAndamal, Guidelines.UppBehandling, Guidelines.EkSaklig1);

        public static readonly DiagnosticDescriptor PurposeMismatch = Create(RuleIds.PurposeMismatch,
            "Personal data read outside its purposes",
            "'{0}' may only be processed for {1}, but '{2}' processes data for {3}",
            "The purposes in scope have nothing in common with the purposes the personal data may be processed for.",
            Guidelines.UppAndamal, Guidelines.EkIntegritet1, Guidelines.UppBehandling);

        public static readonly DiagnosticDescriptor UnknownPurpose = Create(RuleIds.UnknownPurpose,
            "Unknown processing purpose",
            "'{0}' is not a known processing purpose{1}",
            "A purpose must be one of the well-known purposes (CaseCompliance.Purposes) or declared in the rules file; an unknown string is usually a typo and silently matches nothing.",
            Guidelines.UppAndamal);

        public static readonly DiagnosticDescriptor LookupWithoutAudit = Create(RuleIds.LookupWithoutAudit,
            "Person lookup without audit",
            "'{0}' looks up a person, but a path through '{1}' never records the lookup with a [LookupAudit] call",
            "Every staff lookup of a person must be recorded in the audit trail on every path through the code that makes it, before or after the lookup. Paths that leave by an exception before the data is returned do not count.",
            Guidelines.UppSokningar, Guidelines.EkSaklig1);

        public static readonly DiagnosticDescriptor AuditOtherSubject = Create(RuleIds.AuditOtherSubject,
            "Audit records another person",
            "'{0}' records '{1}', but the lookup '{2}' is about '{3}'",
            "The audit record must name the person who was looked up; an audit of another variable, a constant, null or an empty string leaves the real lookup unrecorded.",
            Guidelines.UppSokningar);

        public static readonly DiagnosticDescriptor AuditFailureSwallowed = Create(RuleIds.AuditFailureSwallowed,
            "Audit failure swallowed",
            "'{0}' can fail silently: a catch in '{1}' swallows its exception while the data from '{2}' is still used",
            "When recording the audit fails, the looked-up data must not be shown or returned; a catch that swallows the failure turns an unrecorded lookup into a normal one.",
            Guidelines.UppSokningar);

        public static readonly DiagnosticDescriptor AttestedByPreparer = Create(RuleIds.AttestedByPreparer,
            "Attested by the preparer",
            "'{0}' is attested by '{1}', the same person who prepared it ('{2}')",
            "The attester of a payment must be another person than the one who prepared or decided it; here both are provably the same value.",
            Guidelines.EkSkatt1, Guidelines.EkSkatt2);

        public static readonly DiagnosticDescriptor AttestationWithoutCheck = Create(RuleIds.AttestationWithoutCheck,
            "Attestation without a second-party check",
            "'{0}' records an attestation on a path where '{1}' is never compared with [PreparedBy] nor checked by a [SecondPartyCheck] that rejects it",
            "A method that records an attestation must reject it when the attester is the person who prepared the payment, on every path, by comparing the two or by a second-party check.",
            Guidelines.EkSkatt1);

        public static readonly DiagnosticDescriptor DisbursementWithoutAttestation = Create(RuleIds.DisbursementWithoutAttestation,
            "Disbursement without attestation",
            "'{0}' pays out, but a path through '{1}' reaches it without an attestation call or a true [AttestationStatus] condition",
            "Money may only be paid out after a second party attested the payment: every path to a disbursement must pass an attestation call or a condition that the payment is attested.",
            Guidelines.EkSkatt1);

        public static readonly DiagnosticDescriptor DecisionWithoutConflictCheck = Create(RuleIds.DecisionWithoutConflictCheck,
            "Decision without a conflict-of-interest check",
            "'{0}' decides a case, but a path through '{1}' reaches it without a [ConflictOfInterestCheck] whose result is checked",
            "A case may only be decided after checking that the officer is not the subject nor related to them (jäv); the check must run on every path before the decision, and its result must stop the decision.",
            Guidelines.EkSaklig2, Guidelines.EkSaklig3, Guidelines.EkSkatt2);

        public static readonly DiagnosticDescriptor ProtectedCharacteristicInDecision = Create(RuleIds.ProtectedCharacteristicInDecision,
            "Decision depends on a protected characteristic",
            "'{0}' ({1}) decides a condition in decision logic '{2}' with no [LegalBasis] for '{1}'",
            "Decision logic must not branch on a ground of discrimination unless a statute allows the distinction ([LegalBasis] naming the ground). Reading it for statistics is fine.",
            Guidelines.JamOsaklig, Guidelines.EkDiskriminering);

        public static readonly DiagnosticDescriptor UnknownGround = Create(RuleIds.UnknownGround,
            "Unknown ground of discrimination",
            "'{0}' is not a known ground of discrimination{1}",
            "A ground must be one of the seven grounds of Diskrimineringslagen (CaseCompliance.Grounds) or declared in the rules file; an unknown string is usually a typo and silently matches nothing.",
            Guidelines.EkDiskriminering);

        public static readonly DiagnosticDescriptor DecisionWithoutReasoning = Create(RuleIds.DecisionWithoutReasoning,
            "Decision without reasoning",
            "'{0}' is created with its reasoning '{1}' {2}",
            "Every decision communicated to the individual must state its reasons (motivering): the [Reasoning] of a [DecisionRecord] must be given, and not null, empty or whitespace.",
            Guidelines.SjpMotivering, Guidelines.SjpForklara);

        public static readonly DiagnosticDescriptor DisclosedToSink = Create(RuleIds.DisclosedToSink,
            "Personal data disclosed to a log or sink",
            "'{0}' carries personal data ({1}) into '{2}' without a redactor",
            "Personal data must not reach logs, consoles, exception messages or other disclosure sinks unless it passes a [Redactor] (or a Microsoft.Extensions.Compliance.Redaction.Redactor) first.",
            Guidelines.EkIntegritet2, Guidelines.UppBehandling);

        /// <summary>Every built-in descriptor.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            UndeclaredPurpose, PurposeMismatch, UnknownPurpose,
            LookupWithoutAudit, AuditOtherSubject, AuditFailureSwallowed,
            AttestedByPreparer, AttestationWithoutCheck, DisbursementWithoutAttestation, DecisionWithoutConflictCheck,
            ProtectedCharacteristicInDecision, UnknownGround, DecisionWithoutReasoning, DisclosedToSink);

        /// <summary>The guideline IDs a descriptor cites, from its custom tags.</summary>
        public static ImmutableArray<string> GuidelineIds(DiagnosticDescriptor descriptor)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var tag in descriptor.CustomTags)
            {
                if (tag.StartsWith(GuidelineTagPrefix, System.StringComparison.Ordinal))
                {
                    builder.Add(tag.Substring(GuidelineTagPrefix.Length));
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The guideline a fix title names: the descriptor's first.</summary>
        public static Guideline PrimaryGuideline(DiagnosticDescriptor descriptor)
        {
            foreach (var id in GuidelineIds(descriptor))
            {
                if (Guidelines.Find(id) is { } g)
                {
                    return g;
                }
            }

            return Guidelines.UppAndamal;
        }

        /// <summary>Creates a descriptor with the project's category, Warning severity, help link and guideline tags.</summary>
        public static DiagnosticDescriptor Create(string id, string title, string message, string description,
            params Guideline[] guidelines)
            => Create(id, title, message, description, DiagnosticSeverity.Warning, HelpLinkBase + id + ".md", false, guidelines);

        /// <summary>Creates a descriptor; the rules file uses this overload for custom rules.</summary>
        public static DiagnosticDescriptor Create(string id, string title, string message, string description,
            DiagnosticSeverity severity, string helpLink, bool compilationEnd, params Guideline[] guidelines)
        {
            var tags = ImmutableArray.CreateBuilder<string>(guidelines.Length + 1);
            foreach (var g in guidelines)
            {
                tags.Add(GuidelineTagPrefix + g.Id);
            }

            if (compilationEnd)
            {
                tags.Add(WellKnownDiagnosticTags.CompilationEnd);
            }

#pragma warning disable RS0030 // the one place that may construct a descriptor
            return new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true,
                description: description, helpLinkUri: helpLink, customTags: tags.ToArray());
#pragma warning restore RS0030
        }
    }
}
