using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>An instance of the rule kind "data must not flow into a sink unless it passes a redactor" (CASE060).</summary>
    internal sealed class NoFlowToSinkRule
    {
        public NoFlowToSinkRule(CompiledRule rule, CaseModel model)
        {
            Rule = rule;
            Data = new DataSelector(rule.Data("data", DataSpec.Any), model);
            Sinks = new Sinks(model, rule.RoleParameter("sinks"), rule.RoleParameter("redactors"));
        }

        public CompiledRule Rule { get; }

        public DataSelector Data { get; }

        public Sinks Sinks { get; }
    }

    /// <summary>
    /// The rule kind "no flow to sink". Taint is followed only in bodies that contain both a personal-data read and a
    /// call that is a sink of some rule; each sink argument that carries the rule's data is reported. One host serves
    /// every rule of the kind: one listener per body for all of them.
    /// </summary>
    internal sealed class NoFlowToSink
    {
        /// <summary>Whether a message template among the arguments destructures an object (<c>"{@Person}"</c>): the logger then writes its members.</summary>
        private static bool Destructures(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments.IsDefault ? ImmutableArray<IArgumentOperation>.Empty : arguments)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: string template } && template.Contains("{@"))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation Unconvert(IOperation value) => value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : value;

        private readonly CaseModel model;
        private readonly ImmutableArray<NoFlowToSinkRule> rules;
        private readonly ImmutableArray<FlowSummaries> summaries;
        private readonly Sinks anySink;

        public NoFlowToSink(CaseModel model, ImmutableArray<NoFlowToSinkRule> rules, SourceBodies sources)
        {
            this.model = model;
            this.rules = rules;
            var byRule = ImmutableArray.CreateBuilder<FlowSummaries>(rules.Length);
            foreach (var rule in rules)
            {
                byRule.Add(new FlowSummaries(model, rule.Sinks, sources, rule.Data.IsAny ? null : symbol => model.PersonalDataOf(symbol) is { } data && rule.Data.Matches(data, symbol, model)));
            }

            summaries = byRule.MoveToImmutable();
            var sinks = RoleSet.Empty;
            foreach (var rule in rules)
            {
                sinks = sinks.Union(rule.Sinks.SinkRoles);
            }

            anySink = new Sinks(model, sinks, RoleSet.Empty);
        }

        public void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            // Data reaches a sink through helpers, fields and whole objects too, so every body with a sink call is looked
            // at; the taint is followed only from the sink arguments back, and summaries are cached for the compilation.
            List<IOperation>? calls = null;
            var gate = new object();
            context.RegisterOperationAction(c =>
            {
                if (anySink.IsSinkCall(c.Operation))
                {
                    lock (gate)
                    {
                        (calls ??= new List<IOperation>()).Add(c.Operation);
                    }
                }
            }, OperationKind.Invocation, OperationKind.ObjectCreation);

            context.RegisterOperationBlockEndAction(end =>
            {
                if (calls is null)
                {
                    return; // most bodies: no taint analysis at all
                }

                for (var i = 0; i < rules.Length; i++)
                {
                    Check(end, rules[i], summaries[i], calls);
                }
            });
        }

        private void Check(OperationBlockAnalysisContext context, NoFlowToSinkRule rule, FlowSummaries summaries, List<IOperation> calls)
        {
            // One taint analysis per body and rule: what it learns about locals serves every sink call of the body.
            var taints = new Dictionary<IOperation, Taint>();
            bool IsSource(ISymbol symbol) => model.PersonalDataOf(symbol) is { } data && rule.Data.Matches(data, symbol, model);
            foreach (var call in calls)
            {
                if (!rule.Sinks.IsSinkCall(call))
                {
                    continue;
                }

                var root = Calls.Root(call);
                if (!taints.TryGetValue(root, out var taint))
                {
                    taints.Add(root, taint = new Taint(model, rule.Sinks, root, rule.Data.IsAny ? null : IsSource, summaries, summaries.Sources.Depth,
                        null, context.CancellationToken));
                }

                var arguments = call switch
                {
                    IInvocationOperation invocation => invocation.Arguments,
                    IObjectCreationOperation creation => creation.Arguments,
                    _ => default,
                };
                var destructured = Destructures(arguments);
                foreach (var argument in arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue || !rule.Sinks.IsSinkArgument(call, argument))
                    {
                        continue;
                    }

                    // A params array reports each element that carries data; other arguments themselves.
                    var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements }
                        ? elements.ElementValues
                        : ImmutableArray.Create(argument.Value);
                    foreach (var value in values)
                    {
                        if (taint.SinkSource(value, destructured) is { } source)
                        {
                            var category = model.PersonalDataOf(source)?.Category ?? "personal";
                            var sinkName = call is IInvocationOperation i ? SymbolText.Member(i.TargetMethod) : call.Type?.Name ?? "exception";
                            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticKeys.Source, source.Name);
                            var at = values.Length == 1 && argument.ArgumentKind != ArgumentKind.ParamArray ? argument.Syntax : Unconvert(value).Syntax;
                            context.ReportDiagnostic(rule.Rule.Create(at.GetLocation(), taint.Evidence(value), properties, SymbolText.Member(source), category, sinkName));
                        }
                    }
                }
            }
        }
    }
}
