using Microsoft.CodeAnalysis;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>The annotation types of SPEC §2, resolved once per compilation. Any may be null when not referenced.</summary>
    public sealed class KnownSymbols
    {
        public const string Namespace = "CaseCompliance";

        public KnownSymbols(Compilation compilation)
        {
            PersonalData = Get(compilation, "PersonalDataAttribute");
            ProcessingPurpose = Get(compilation, "ProcessingPurposeAttribute");
            ProtectedCharacteristic = Get(compilation, "ProtectedCharacteristicAttribute");
            Redactor = Get(compilation, "RedactorAttribute");
            DisclosureSink = Get(compilation, "DisclosureSinkAttribute");
            PersonLookup = Get(compilation, "PersonLookupAttribute");
            LookupAudit = Get(compilation, "LookupAuditAttribute");
            Subject = Get(compilation, "SubjectAttribute");
            Attestation = Get(compilation, "AttestationAttribute");
            Attester = Get(compilation, "AttesterAttribute");
            PreparedBy = Get(compilation, "PreparedByAttribute");
            SecondPartyCheck = Get(compilation, "SecondPartyCheckAttribute");
            Disbursement = Get(compilation, "DisbursementAttribute");
            AttestationStatus = Get(compilation, "AttestationStatusAttribute");
            CaseDecision = Get(compilation, "CaseDecisionAttribute");
            ConflictOfInterestCheck = Get(compilation, "ConflictOfInterestCheckAttribute");
            DecisionLogic = Get(compilation, "DecisionLogicAttribute");
            LegalBasis = Get(compilation, "LegalBasisAttribute");
            DecisionRecord = Get(compilation, "DecisionRecordAttribute");
            Reasoning = Get(compilation, "ReasoningAttribute");
            CaseRole = Get(compilation, "CaseRoleAttribute");

            // Types of other libraries the rules know: sinks, redactors and data classification.
            Logger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
            LoggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
            LoggerMessage = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            Console = compilation.GetTypeByMetadataName("System.Console");
            Debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
            Trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
            ComplianceRedactor = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Redaction.Redactor");
            DataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        }

        public INamedTypeSymbol? Logger { get; }
        public INamedTypeSymbol? LoggerExtensions { get; }
        public INamedTypeSymbol? LoggerMessage { get; }
        public INamedTypeSymbol? Console { get; }
        public INamedTypeSymbol? Debug { get; }
        public INamedTypeSymbol? Trace { get; }
        public INamedTypeSymbol? Exception { get; }
        public INamedTypeSymbol? StringBuilder { get; }
        public INamedTypeSymbol? ComplianceRedactor { get; }
        public INamedTypeSymbol? DataClassification { get; }

        public INamedTypeSymbol? PersonalData { get; }
        public INamedTypeSymbol? ProcessingPurpose { get; }
        public INamedTypeSymbol? ProtectedCharacteristic { get; }
        public INamedTypeSymbol? Redactor { get; }
        public INamedTypeSymbol? DisclosureSink { get; }
        public INamedTypeSymbol? PersonLookup { get; }
        public INamedTypeSymbol? LookupAudit { get; }
        public INamedTypeSymbol? Subject { get; }
        public INamedTypeSymbol? Attestation { get; }
        public INamedTypeSymbol? Attester { get; }
        public INamedTypeSymbol? PreparedBy { get; }
        public INamedTypeSymbol? SecondPartyCheck { get; }
        public INamedTypeSymbol? Disbursement { get; }
        public INamedTypeSymbol? AttestationStatus { get; }
        public INamedTypeSymbol? CaseDecision { get; }
        public INamedTypeSymbol? ConflictOfInterestCheck { get; }
        public INamedTypeSymbol? DecisionLogic { get; }
        public INamedTypeSymbol? LegalBasis { get; }
        public INamedTypeSymbol? DecisionRecord { get; }
        public INamedTypeSymbol? Reasoning { get; }
        public INamedTypeSymbol? CaseRole { get; }


        private static INamedTypeSymbol? Get(Compilation compilation, string name)
            => compilation.GetTypeByMetadataName(Namespace + "." + name);
    }
}
