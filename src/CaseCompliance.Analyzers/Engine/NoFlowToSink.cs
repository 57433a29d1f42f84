using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// The rule kind "data must not flow into a sink unless it passes a redactor" (CASE060). Taint is followed only in
    /// bodies that contain both a personal-data read and a sink call; each sink argument that carries data is reported.
    /// </summary>
    internal sealed class NoFlowToSink
    {
        private static IOperation Unconvert(IOperation value) => value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : value;

        /// <summary>Diagnostic property: the personal-data member the argument carries.</summary>
        public const string SourceKey = "Source";

        private readonly CaseModel model;
        private readonly DiagnosticDescriptor descriptor;
        private readonly Sinks sinks;

        public NoFlowToSink(CaseModel model, DiagnosticDescriptor descriptor)
        {
            this.model = model;
            this.descriptor = descriptor;
            sinks = new Sinks(model);
        }

        public void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            var reads = 0;
            List<IOperation>? calls = null;
            var gate = new object();
            context.RegisterOperationAction(c =>
            {
                var member = c.Operation is IParameterReferenceOperation p ? p.Parameter : DataReads.Member(c.Operation);
                if (member is not null && model.PersonalDataOf(member) is not null)
                {
                    System.Threading.Interlocked.Exchange(ref reads, 1);
                }

                if (c.Operation.Kind is OperationKind.Invocation or OperationKind.ObjectCreation && sinks.IsSinkCall(c.Operation))
                {
                    lock (gate)
                    {
                        (calls ??= new List<IOperation>()).Add(c.Operation);
                    }
                }
            }, OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.ParameterReference, OperationKind.Invocation, OperationKind.ObjectCreation);

            context.RegisterOperationBlockEndAction(end =>
            {
                if (reads == 0 || calls is null)
                {
                    return; // most bodies: no taint analysis at all
                }

                // One taint analysis per body: what it learns about locals serves every sink call of the body.
                var taints = new Dictionary<IOperation, Taint>();
                foreach (var call in calls)
                {
                    var root = Calls.Root(call);
                    if (!taints.TryGetValue(root, out var taint))
                    {
                        taints.Add(root, taint = new Taint(model, sinks, root));
                    }

                    var arguments = call switch
                    {
                        IInvocationOperation invocation => invocation.Arguments,
                        IObjectCreationOperation creation => creation.Arguments,
                        _ => default,
                    };
                    foreach (var argument in arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.DefaultValue || !sinks.IsSinkArgument(call, argument))
                        {
                            continue;
                        }

                        // A params array reports each element that carries data; other arguments themselves.
                        var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements }
                            ? elements.ElementValues
                            : System.Collections.Immutable.ImmutableArray.Create(argument.Value);
                        foreach (var value in values)
                        {
                            if (taint.Source(value) is { } source)
                            {
                                var category = model.PersonalDataOf(source)?.Category ?? "personal";
                                var sinkName = call is IInvocationOperation i ? SymbolText.Member(i.TargetMethod) : call.Type?.Name ?? "exception";
                                var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(SourceKey, source.Name);
                                var at = values.Length == 1 && argument.ArgumentKind != ArgumentKind.ParamArray ? argument.Syntax : Unconvert(value).Syntax;
                                end.ReportDiagnostic(Diagnostic.Create(descriptor, at.GetLocation(), properties, SymbolText.Member(source), category, sinkName));
                            }
                        }
                    }
                }
            });
        }
    }
}
