using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// The host of the kind "no flow to sink": CASE060 (personal data disclosed to a log or sink) and custom rules of
    /// the kind. Handle sensitive data correctly and follow the secrecy rules, guidelines EK-INTEGRITET-2 and UPP-BEHANDLING.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoFlowToSinkAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CaseRules.ForKinds(RuleKind.NoFlowToSink);

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

                var rules = ImmutableArray.CreateBuilder<NoFlowToSinkRule>();
                foreach (var rule in model.RulesOfKind(RuleKind.NoFlowToSink))
                {
                    var flow = new NoFlowToSinkRule(rule, model);
                    if (model.MayOccur(flow.Sinks.SinkRoles))
                    {
                        rules.Add(flow);
                    }
                }

                if (rules.Count > 0)
                {
                    var sources = new SourceBodies(start.Compilation, SourceBodies.ConfiguredDepth(start.Options));
                    start.RegisterOperationBlockStartAction(new NoFlowToSink(model, rules.ToImmutable(), sources).OnBlockStart);
                }
            });
        }
    }
}
