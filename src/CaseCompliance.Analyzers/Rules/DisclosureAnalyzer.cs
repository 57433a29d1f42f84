using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// CASE060 (personal data disclosed to a log or sink): handle sensitive data correctly and follow the secrecy
    /// rules, guidelines EK-INTEGRITET-2 and UPP-BEHANDLING.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DisclosureAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(CaseRules.DisclosedToSink);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                if (!model.HasPersonalData)
                {
                    return;
                }

                start.RegisterOperationBlockStartAction(new NoFlowToSink(model, CaseRules.DisclosedToSink).OnBlockStart);
            });
        }
    }
}
