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
        internal static bool Destructures(ImmutableArray<IArgumentOperation> arguments)
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

        /// <summary>The name of a sink call for messages: <c>ILogger.LogInformation</c>, or the exception's type.</summary>
        internal static string SinkName(IOperation call) => call is IInvocationOperation i ? SymbolText.Member(i.TargetMethod) : call.Type?.Name ?? "exception";

        private static IOperation Unconvert(IOperation value) => value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : value;

        private readonly CaseModel model;
        private readonly ImmutableArray<NoFlowToSinkRule> rules;
        private readonly ImmutableArray<FlowSummaries> summaries;
        private readonly Sinks anySink;
        private readonly SourceBodies sources;

        public NoFlowToSink(CaseModel model, ImmutableArray<NoFlowToSinkRule> rules, SourceBodies sources)
        {
            this.model = model;
            this.sources = sources;
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
            List<IInvocationOperation>? helpers = null; // calls to methods of the compilation that may leak what they are given
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
                else if (c.Operation is IInvocationOperation { Arguments.Length: > 0 } invocation && sources.IsInSource(invocation.TargetMethod))
                {
                    lock (gate)
                    {
                        (helpers ??= new List<IInvocationOperation>()).Add(invocation);
                    }
                }
            }, OperationKind.Invocation, OperationKind.ObjectCreation);

            context.RegisterOperationBlockEndAction(end =>
            {
                if (calls is null && helpers is null)
                {
                    return; // most bodies: no taint analysis at all
                }

                for (var i = 0; i < rules.Length; i++)
                {
                    var taints = new Dictionary<IOperation, Taint>();
                    if (calls is not null)
                    {
                        Check(end, rules[i], summaries[i], calls, taints);
                    }

                    if (helpers is not null)
                    {
                        CheckHelpers(end, rules[i], summaries[i], helpers, taints);
                    }
                }
            });
        }

        /// <summary>One taint analysis per body and rule: what it learns about locals serves every call of the body.</summary>
        private Taint TaintOf(OperationBlockAnalysisContext context, NoFlowToSinkRule rule, FlowSummaries summaries, IOperation call, Dictionary<IOperation, Taint> taints)
        {
            bool IsSource(ISymbol symbol) => model.PersonalDataOf(symbol) is { } data && rule.Data.Matches(data, symbol, model);
            var root = Calls.Root(call);
            if (!taints.TryGetValue(root, out var taint))
            {
                taints.Add(root, taint = new Taint(model, rule.Sinks, root, rule.Data.IsAny ? null : IsSource, summaries, summaries.Sources.Depth,
                    null, context.CancellationToken));
            }

            return taint;
        }

        /// <summary>
        /// Personal data given to a helper of the compilation that writes that parameter to a sink (<c>Trace(p.Personnummer)</c>
        /// with <c>void Trace(string s) =&gt; logger.LogInformation(s)</c>): reported on the argument, the sink inside the
        /// helper as evidence. The data is looked for only in what the call is given; the helper is read only then.
        /// </summary>
        private void CheckHelpers(OperationBlockAnalysisContext context, NoFlowToSinkRule rule, FlowSummaries summaries, List<IInvocationOperation> helpers, Dictionary<IOperation, Taint> taints)
        {
            foreach (var call in helpers)
            {
                IReadOnlyList<SinkUse>? uses = null;
                foreach (var argument in call.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter
                        || TaintOf(context, rule, summaries, call, taints) is not { } taint || taint.Source(argument.Value) is not { } source
                        || source is IParameterSymbol && model.PersonalDataOf(source) is null)
                    {
                        continue;
                    }

                    uses ??= summaries.SinkUses(call.TargetMethod, summaries.Sources.Depth - 1, context.CancellationToken);
                    foreach (var use in uses)
                    {
                        if (use.Ordinal == parameter.Ordinal)
                        {
                            var category = model.PersonalDataOf(source)?.Category ?? "personal";
                            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticKeys.Source, source.Name);
                            var evidence = taint.Evidence(argument.Value);
                            evidence.Add(use.Sink);
                            context.ReportDiagnostic(rule.Rule.Create(argument.Syntax.GetLocation(), evidence, properties,
                                SymbolText.Member(source), category, SymbolText.Member(call.TargetMethod)));
                            break;
                        }
                    }
                }
            }
        }

        private void Check(OperationBlockAnalysisContext context, NoFlowToSinkRule rule, FlowSummaries summaries, List<IOperation> calls, Dictionary<IOperation, Taint> taints)
        {
            foreach (var call in calls)
            {
                if (!rule.Sinks.IsSinkCall(call))
                {
                    continue;
                }

                var taint = TaintOf(context, rule, summaries, call, taints);

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
                            var sinkName = SinkName(call);
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
