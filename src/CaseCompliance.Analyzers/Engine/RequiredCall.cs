using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// An instance of the rule kind "a call of role <see cref="Trigger"/> requires a call of role
    /// <see cref="Required"/> on every path through its body, before or after" (CASE010: a person lookup needs an audit).
    /// A method that itself plays <see cref="Trigger"/> passes the duty to its callers. With <see cref="Match"/>, a
    /// required call only counts when its argument of that role is not provably another value than the trigger's
    /// (an audit of person B does not cover the lookup of person A).
    /// </summary>
    internal sealed class RequiredCallRule
    {
        public RequiredCallRule(DiagnosticDescriptor descriptor, Role trigger, Role required, Role match = Role.None)
        {
            Descriptor = descriptor;
            Trigger = trigger;
            Required = required;
            Match = match;
        }

        public Role Match { get; }

        public DiagnosticDescriptor Descriptor { get; }

        public Role Trigger { get; }

        public Role Required { get; }
    }

    /// <summary>
    /// The rule kind "required on every path". Per type: bodies that contain a trigger or a required call keep their
    /// control-flow graph until the type is complete; then each trigger is checked on its body's graph, with calls to
    /// local functions and non-virtual methods of the same type counting as required calls when their own graph has the
    /// required call on every path (a summary, computed once). Lambdas and local functions are bodies of their own.
    /// Graphs are built only for bodies with a relevant call.
    /// </summary>
    internal sealed class RequiredCall
    {
        private readonly CaseModel model;
        private readonly RequiredCallRule rule;

        public RequiredCall(CaseModel model, RequiredCallRule rule)
        {
            this.model = model;
            this.rule = rule;
        }

        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            var state = new TypeState(this, (INamedTypeSymbol)context.Symbol);
            context.RegisterOperationBlockStartAction(state.OnBlockStart);
            context.RegisterSymbolEndAction(state.OnTypeEnd);
        }

        private bool IsTrigger(IMethodSymbol method) => model.HasRole(method, rule.Trigger);

        private bool IsRequired(IMethodSymbol method) => model.HasRole(method, rule.Required);

        /// <summary>The bodies of one type, collected while its blocks are analyzed and checked when the type ends.</summary>
        private sealed class TypeState
        {
            private readonly RequiredCall kind;
            private readonly INamedTypeSymbol type;
            private readonly ConcurrentBag<Body> bodies = new ConcurrentBag<Body>();
            private Dictionary<IMethodSymbol, Body>? byMethod;
            private readonly Dictionary<IMethodSymbol, bool> summaries = new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

            public TypeState(RequiredCall kind, INamedTypeSymbol type)
            {
                this.kind = kind;
                this.type = type;
            }

            public void OnBlockStart(OperationBlockStartAnalysisContext context)
            {
                var flags = new BlockFlags();
                context.RegisterOperationAction(flags.OnInvocation(kind), OperationKind.Invocation);
                context.RegisterOperationBlockEndAction(end =>
                {
                    if (flags.Trigger == 0 && flags.Required == 0)
                    {
                        return; // most bodies: no graph at all
                    }

                    foreach (var root in end.OperationBlocks)
                    {
                        // A method's block is its body (the graph is built for the root around it); attributes and
                        // parameter defaults have no calls to check.
                        if (root.Kind is OperationKind.Block or OperationKind.MethodBody or OperationKind.ConstructorBody
                            or OperationKind.FieldInitializer or OperationKind.PropertyInitializer)
                        {
                            bodies.Add(new Body(end.OwningSymbol, end.GetControlFlowGraph(root), flags.Trigger != 0, flags.Originals));
                        }
                    }
                });
            }

            public void OnTypeEnd(SymbolAnalysisContext context)
            {
                byMethod = new Dictionary<IMethodSymbol, Body>(SymbolEqualityComparer.Default);
                foreach (var body in bodies)
                {
                    if (body.Owner is IMethodSymbol method && !byMethod.ContainsKey(method))
                    {
                        byMethod.Add(method, body);
                    }
                }

                var reported = new HashSet<SyntaxNode>();
                foreach (var body in bodies)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (body.HasTrigger && !(body.Owner is IMethodSymbol owner && kind.IsTrigger(owner)))
                    {
                        Check(context, body.Graph, body.Owner, body, reported, context.CancellationToken);
                    }
                }
            }

            private void Check(SymbolAnalysisContext context, ControlFlowGraph graph, ISymbol owner, Body body, HashSet<SyntaxNode> reported, CancellationToken cancellationToken)
            {
                var paths = new FlowPaths(graph, invocation => Covers(invocation, graph, cancellationToken));
                Dictionary<string, FlowPaths>? filtered = null; // by the set of required calls left out
                foreach (var site in paths.Sites)
                {
                    if (!kind.IsTrigger(site.Invocation.TargetMethod) || reported.Contains(site.Invocation.Syntax))
                    {
                        continue;
                    }

                    var uncovered = paths.HasUncoveredPathThrough(site);
                    if (!uncovered && kind.rule.Match != Role.None && Mismatches(paths, site, body) is { } mismatched)
                    {
                        // Required calls about another value do not count for this trigger: look again without them.
                        var key = string.Join(",", mismatched.Select(n => n.SpanStart).OrderBy(n => n));
                        filtered ??= new Dictionary<string, FlowPaths>();
                        if (!filtered.TryGetValue(key, out var matching))
                        {
                            matching = new FlowPaths(graph, invocation => !mismatched.Contains(invocation.Syntax) && Covers(invocation, graph, cancellationToken));
                            filtered.Add(key, matching);
                        }

                        uncovered = matching.HasUncoveredPathThrough(matching.Sites[IndexOf(paths, site)]);
                    }

                    if (uncovered && reported.Add(site.Invocation.Syntax))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(kind.rule.Descriptor, site.Invocation.Syntax.GetLocation(),
                            SymbolText.Member(site.Invocation.TargetMethod), SymbolText.Member(owner)));
                    }
                }

                foreach (var local in graph.LocalFunctions)
                {
                    if (!kind.IsTrigger(local))
                    {
                        Check(context, graph.GetLocalFunctionControlFlowGraph(local, cancellationToken), local, body, reported, cancellationToken);
                    }
                }

                foreach (var lambda in Lambdas(graph))
                {
                    Check(context, graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), lambda.Symbol, body, reported, cancellationToken);
                }
            }

            /// <summary>The required calls of this graph whose matching argument is provably another value than the trigger's; null when none.</summary>
            private HashSet<SyntaxNode>? Mismatches(FlowPaths paths, FlowSite trigger, Body body)
            {
                var model = kind.model;
                if (!body.Originals.TryGetValue(trigger.Invocation.Syntax, out var original)
                    || Calls.ArgumentFor(original, kind.rule.Match, model) is not { } wanted)
                {
                    return null;
                }

                HashSet<SyntaxNode>? mismatched = null;
                foreach (var site in paths.Sites)
                {
                    if (kind.IsRequired(site.Invocation.TargetMethod) && body.Originals.TryGetValue(site.Invocation.Syntax, out var required)
                        && Calls.ArgumentFor(required, kind.rule.Match, model) is { } given
                        && ValueIdentity.Compare(given.Value, wanted.Value) == Sameness.Different)
                    {
                        (mismatched ??= new HashSet<SyntaxNode>()).Add(site.Invocation.Syntax);
                    }
                }

                return mismatched;
            }

            private static int IndexOf(FlowPaths paths, FlowSite site)
            {
                for (var i = 0; i < paths.Sites.Count; i++)
                {
                    if (paths.Sites[i].Invocation.Syntax == site.Invocation.Syntax)
                    {
                        return i;
                    }
                }

                return -1;
            }

            /// <summary>A required call, or a call to a local function or same-type method that makes one on every path.</summary>
            private bool Covers(IInvocationOperation invocation, ControlFlowGraph graph, CancellationToken cancellationToken)
            {
                var target = invocation.TargetMethod;
                if (kind.IsRequired(target))
                {
                    return true;
                }

                if (target.MethodKind == MethodKind.LocalFunction)
                {
                    return Summary(target.OriginalDefinition, () => LocalGraph(graph, target, cancellationToken), cancellationToken);
                }

                if (SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, type.OriginalDefinition)
                    && (!target.IsVirtual && !target.IsAbstract && !target.IsOverride || target.IsSealed)
                    && byMethod!.TryGetValue(target.OriginalDefinition, out var body))
                {
                    return Summary(target.OriginalDefinition, () => body.Graph, cancellationToken);
                }

                return false;
            }

            private bool Summary(IMethodSymbol method, System.Func<ControlFlowGraph?> graph, CancellationToken cancellationToken)
            {
                if (summaries.TryGetValue(method, out var covers))
                {
                    return covers;
                }

                summaries[method] = false; // recursion: a method that calls itself is not its own audit
                var g = graph();
                covers = g is not null && new FlowPaths(g, invocation => Covers(invocation, g, cancellationToken)).CoversEveryPath();
                summaries[method] = covers;
                return covers;
            }

            private static ControlFlowGraph? LocalGraph(ControlFlowGraph graph, IMethodSymbol local, CancellationToken cancellationToken)
            {
                // A local function is declared in this graph or in one around it.
                for (var g = graph; g is not null; g = g.Parent)
                {
                    foreach (var candidate in g.LocalFunctions)
                    {
                        if (SymbolEqualityComparer.Default.Equals(candidate, local.OriginalDefinition))
                        {
                            return g.GetLocalFunctionControlFlowGraph(candidate, cancellationToken);
                        }
                    }
                }

                return null;
            }

            private static IEnumerable<IFlowAnonymousFunctionOperation> Lambdas(ControlFlowGraph graph)
            {
                foreach (var block in graph.Blocks)
                {
                    foreach (var operation in block.Operations)
                    {
                        foreach (var lambda in LambdasIn(operation))
                        {
                            yield return lambda;
                        }
                    }

                    if (block.BranchValue is { } value)
                    {
                        foreach (var lambda in LambdasIn(value))
                        {
                            yield return lambda;
                        }
                    }
                }
            }

            private static IEnumerable<IFlowAnonymousFunctionOperation> LambdasIn(IOperation operation)
            {
                if (operation is IFlowAnonymousFunctionOperation self)
                {
                    yield return self;
                    yield break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    foreach (var lambda in LambdasIn(child))
                    {
                        yield return lambda;
                    }
                }
            }
        }

        private sealed class BlockFlags
        {
            public int Trigger;
            public int Required;

            /// <summary>The original operations of the relevant calls, by syntax: graph operations are rewritten copies.</summary>
            public readonly ConcurrentDictionary<SyntaxNode, IInvocationOperation> Originals = new ConcurrentDictionary<SyntaxNode, IInvocationOperation>();

            public System.Action<OperationAnalysisContext> OnInvocation(RequiredCall kind) => context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (kind.IsTrigger(method))
                {
                    Interlocked.Exchange(ref Trigger, 1);
                    Originals.TryAdd(invocation.Syntax, invocation);
                }
                else if (kind.IsRequired(method))
                {
                    Interlocked.Exchange(ref Required, 1);
                    Originals.TryAdd(invocation.Syntax, invocation);
                }
            };
        }

        private sealed class Body
        {
            public Body(ISymbol owner, ControlFlowGraph graph, bool hasTrigger, ConcurrentDictionary<SyntaxNode, IInvocationOperation> originals)
            {
                Owner = owner;
                Graph = graph;
                HasTrigger = hasTrigger;
                Originals = originals;
            }

            public ConcurrentDictionary<SyntaxNode, IInvocationOperation> Originals { get; }

            public ISymbol Owner { get; }

            public ControlFlowGraph Graph { get; }

            public bool HasTrigger { get; }
        }
    }
}
