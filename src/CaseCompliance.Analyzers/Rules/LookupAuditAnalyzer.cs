using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// CASE010 (person lookup without audit), CASE011 (audit records another person) and CASE012 (audit failure
    /// swallowed): staff lookups are overseen, guideline UPP-SOKNINGAR.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LookupAuditAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<PathRule> PathRules = ImmutableArray.Create(
            new PathRule(CaseRules.LookupWithoutAudit, PathRuleKind.RequiredOnEveryPath, trigger: Role.PersonLookup, cover: Role.LookupAudit, match: Role.Subject));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(CaseRules.LookupWithoutAudit, CaseRules.AuditOtherSubject, CaseRules.AuditFailureSwallowed);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                if (model.Symbols.PersonLookup is null)
                {
                    return;
                }

                start.RegisterSymbolStartAction(new PathEngine(model, PathRules).OnTypeStart, SymbolKind.NamedType);
                start.RegisterOperationBlockStartAction(new AuditChecks(model, CaseRules.AuditOtherSubject, CaseRules.AuditFailureSwallowed).OnBlockStart);
            });
        }
    }
}
