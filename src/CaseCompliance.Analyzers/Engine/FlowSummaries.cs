using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// What the methods and fields of the compilation carry, for one no-flow-to-sink rule: a method "returns personal
    /// data" (the member it comes from) or "passes its argument through" (the parameter); a field or property of a
    /// source type carries what any assignment in its type gives it. Worked out once per symbol and call depth, on
    /// demand, and cached for the compilation.
    /// </summary>
    internal sealed class FlowSummaries
    {
        private static readonly object None = new object();

        private readonly CaseModel model;
        private readonly Sinks sinks;
        private readonly System.Func<ISymbol, bool>? isSource;
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), object> returns = new ConcurrentDictionary<(IMethodSymbol, int), object>(new Key());
        private readonly ConcurrentDictionary<ISymbol, object> members = new ConcurrentDictionary<ISymbol, object>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), IReadOnlyList<SinkUse>> sinkUses = new ConcurrentDictionary<(IMethodSymbol, int), IReadOnlyList<SinkUse>>(new Key());

        public FlowSummaries(CaseModel model, Sinks sinks, SourceBodies sources, System.Func<ISymbol, bool>? isSource)
        {
            this.model = model;
            this.sinks = sinks;
            this.isSource = isSource;
            Sources = sources;
        }

        public SourceBodies Sources { get; }

        private sealed class Key : IEqualityComparer<(IMethodSymbol Method, int Depth)>
        {
            public bool Equals((IMethodSymbol Method, int Depth) x, (IMethodSymbol Method, int Depth) y)
                => x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

            public int GetHashCode((IMethodSymbol Method, int Depth) key) => SymbolEqualityComparer.Default.GetHashCode(key.Method) * 31 + key.Depth;
        }

        /// <summary>
        /// What a method of the compilation returns, looking <paramref name="depth"/> calls further: the personal-data
        /// member its result carries, one of its own parameters when it passes that through (the first; see
        /// <see cref="PassedThrough"/> for all), or null.
        /// </summary>
        public ISymbol? Returns(IMethodSymbol method, int depth, CancellationToken cancellationToken)
            => Summary(method, depth, cancellationToken) switch
            {
                ISymbol data => data,
                List<IParameterSymbol> parameters => parameters[0],
                _ => null,
            };

        /// <summary>Every parameter whose value the method's result carries (<c>Join(a, b) =&gt; a + " " + b</c>: both).</summary>
        public IReadOnlyList<IParameterSymbol> PassedThrough(IMethodSymbol method, int depth, CancellationToken cancellationToken)
            => Summary(method, depth, cancellationToken) as List<IParameterSymbol> ?? (IReadOnlyList<IParameterSymbol>)System.Array.Empty<IParameterSymbol>();

        private object? Summary(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            if (depth < 0 || method.ReturnsVoid)
            {
                return null;
            }

            var key = (method.OriginalDefinition, depth);
            if (returns.TryGetValue(key, out var known))
            {
                return known == None ? null : known;
            }

            object result = None;
            if (Sources.Resolve(method, cancellationToken).Body is { } body)
            {
                result = Summarize(body.Method, body.Roots, depth, cancellationToken) ?? None;
            }

            result = returns.GetOrAdd(key, result);
            return result == None ? null : result;
        }

        /// <summary>
        /// What the <c>return</c>s of a body (not of the lambdas and local functions in it) carry: a personal-data
        /// member, else the list of its parameters they pass through, else null.
        /// </summary>
        private object? Summarize(IMethodSymbol method, IEnumerable<IOperation> roots, int depth, CancellationToken cancellationToken)
        {
            List<IParameterSymbol>? passed = null;
            foreach (var root in roots)
            {
                var taint = new Taint(model, sinks, root, isSource, this, depth - 1, method, cancellationToken);
                foreach (var operation in root.Descendants())
                {
                    if (operation is not IReturnOperation { ReturnedValue: { } value } || !Own(operation, root))
                    {
                        continue;
                    }

                    // Each parameter found is set aside and the value asked again, until it carries nothing more.
                    for (var found = taint.Source(value); found is not null; found = taint.Source(value))
                    {
                        if (found is not IParameterSymbol parameter)
                        {
                            return found;
                        }

                        if (passed?.Contains(parameter, SymbolEqualityComparer.Default) == true)
                        {
                            break; // found again by a way that does not set it aside: nothing new
                        }

                        (passed ??= new List<IParameterSymbol>()).Add(parameter);
                        taint.SetAside(parameter);
                    }
                }
            }

            return passed;
        }

        /// <summary>
        /// The parameters of a method of the compilation whose value reaches a sink inside it, directly or through its
        /// own helpers within <paramref name="depth"/> calls (<c>void Trace(string s) =&gt; logger.LogInformation(s);</c>:
        /// <c>s</c>), each with the sink call it reaches. A caller that passes personal data for one leaks it there.
        /// </summary>
        public IReadOnlyList<SinkUse> SinkUses(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            if (depth < 0)
            {
                return System.Array.Empty<SinkUse>();
            }

            var key = (method.OriginalDefinition, depth);
            if (sinkUses.TryGetValue(key, out var known))
            {
                return known;
            }

            var uses = new List<SinkUse>();
            if (MayReachSink(method, cancellationToken) && Sources.Resolve(method, cancellationToken).Body is { } body)
            {
                foreach (var root in body.Roots)
                {
                    var taint = new Taint(model, sinks, root, isSource, this, depth - 1, body.Method, cancellationToken);
                    foreach (var operation in root.Descendants())
                    {
                        // Only calls matter; whether one is the body's own (not a lambda's) is asked of those alone.
                        if (operation is not (IInvocationOperation or IObjectCreationOperation) || !Own(operation, root))
                        {
                            continue;
                        }

                        if (sinks.IsSinkCall(operation))
                        {
                            var arguments = operation switch
                            {
                                IInvocationOperation invocation => invocation.Arguments,
                                IObjectCreationOperation creation => creation.Arguments,
                                _ => ImmutableArray<IArgumentOperation>.Empty,
                            };
                            var destructured = NoFlowToSink.Destructures(arguments);
                            foreach (var argument in arguments)
                            {
                                if (argument.ArgumentKind == ArgumentKind.DefaultValue || !sinks.IsSinkArgument(operation, argument))
                                {
                                    continue;
                                }

                                for (var found = taint.SinkSource(argument.Value, destructured); found is IParameterSymbol parameter; found = taint.SinkSource(argument.Value, destructured))
                                {
                                    if (!uses.Any(u => u.Ordinal == parameter.Ordinal))
                                    {
                                        uses.Add(new SinkUse(parameter.Ordinal, operation.Syntax.GetLocation(), NoFlowToSink.SinkName(operation)));
                                    }

                                    taint.SetAside(parameter);
                                }
                            }
                        }
                        else if (operation is IInvocationOperation call && depth > 0 && call.Arguments.Length > 0 && Sources.IsInSource(call.TargetMethod))
                        {
                            // A helper of the helper that leaks what it is given: our parameter passed on to it. The
                            // arguments are looked at first, so that only helpers given a parameter are read.
                            IReadOnlyList<SinkUse>? inner = null;
                            foreach (var argument in call.Arguments)
                            {
                                if (argument.Parameter is not { } target || taint.Source(argument.Value) is not IParameterSymbol given
                                    || !SymbolEqualityComparer.Default.Equals(given.ContainingSymbol.OriginalDefinition, body.Method.OriginalDefinition)
                                    || uses.Any(u => u.Ordinal == given.Ordinal))
                                {
                                    continue;
                                }

                                inner ??= SinkUses(call.TargetMethod, depth - 1, cancellationToken);
                                foreach (var use in inner)
                                {
                                    if (use.Ordinal == target.Ordinal)
                                    {
                                        uses.Add(new SinkUse(given.Ordinal, use.Sink, use.SinkName));
                                        break;
                                    }
                                }
                            }
                        }
                    }
                }
            }

            return sinkUses.GetOrAdd(key, uses);
        }

        /// <summary>
        /// Names of calls that only compute a value (string and LINQ helpers): a body whose calls are all of these, and
        /// that creates no exception, reaches no sink, and is never read for a sink summary.
        /// </summary>
        private static readonly HashSet<string> Computing = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "ToString", "Trim", "TrimStart", "TrimEnd", "Substring", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant",
            "Replace", "Join", "Concat", "Format", "Equals", "GetHashCode", "StartsWith", "EndsWith", "Contains", "IndexOf",
            "PadLeft", "PadRight", "Split", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Select", "Where", "Any", "All", "First",
            "FirstOrDefault", "Single", "SingleOrDefault", "Count", "ToList", "ToArray", "OrderBy", "OrderByDescending", "nameof",
        };

        /// <summary>
        /// A cheap look at a method's syntax before its body is read: it may reach a sink only when it makes a call
        /// other than a computing one (a logger, a helper), creates an exception, or throws.
        /// </summary>
        private static bool MayReachSink(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax invocation when !Computing.Contains(InvokedName(invocation.Expression)):
                        case ThrowStatementSyntax or ThrowExpressionSyntax:
                        case BaseObjectCreationExpressionSyntax creation when creation is not ObjectCreationExpressionSyntax { Type: var type }
                            || type.ToString().EndsWith("Exception", System.StringComparison.Ordinal):
                            return true;
                    }
                }
            }

            return false;
        }

        private static string InvokedName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => string.Empty,
        };

        private static bool Own(IOperation operation, IOperation root)
        {
            for (var parent = operation.Parent; parent is not null && parent != root; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// What a field or property of a type in source carries: the personal data of any value its type assigns to
        /// it (<c>lastPnr = p.Personnummer;</c> in one method, <c>logger.LogInformation(lastPnr)</c> in another).
        /// </summary>
        public ISymbol? MemberSource(ISymbol member, CancellationToken cancellationToken)
        {
            if (members.TryGetValue(member, out var known))
            {
                return known as ISymbol;
            }

            members.TryAdd(member, None); // an assignment from the member itself adds nothing
            object result = None;
            if (member.ContainingType is { } type && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Sources.Compilation.Assembly))
            {
                result = AssignedSource(type, member, cancellationToken) ?? None;
            }

            members[member] = result;
            return result as ISymbol;
        }

        private ISymbol? AssignedSource(INamedTypeSymbol type, ISymbol member, CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                if (!Sources.Compilation.ContainsSyntaxTree(declaration.SyntaxTree))
                {
                    continue;
                }

                foreach (var node in declaration.DescendantNodes())
                {
                    // Cheap by syntax first: an assignment to a name like the member's, or its initializer.
                    ExpressionSyntax? value = node switch
                    {
                        AssignmentExpressionSyntax { Left: var left } assignment when NameOf(left) == member.Name => assignment,
                        VariableDeclaratorSyntax { Initializer: { } initializer } declarator when declarator.Identifier.ValueText == member.Name => initializer.Value,
                        PropertyDeclarationSyntax { Initializer: { } initializer } property when property.Identifier.ValueText == member.Name => initializer.Value,
                        _ => null,
                    };
                    if (value is null)
                    {
                        continue;
                    }

#pragma warning disable RS0030, RS1030 // the assignments to a member are in other bodies; the driver caches semantic models
                    var semanticModel = Sources.Compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS0030, RS1030
                    var operation = semanticModel.GetOperation(value, cancellationToken);
                    IOperation? written = operation switch
                    {
                        IAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                            when SymbolEqualityComparer.Default.Equals(DataReads.Member(target)?.OriginalDefinition, member.OriginalDefinition) => assignment.Value,
                        IAssignmentOperation => null,
                        { } initializer => initializer,
                        _ => null,
                    };
                    if (written is not null
                        && new Taint(model, sinks, Calls.Root(written), isSource, this, Sources.Depth - 1, null, cancellationToken).Source(written) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>A parameter of a helper whose value reaches a sink inside it, and that sink.</summary>
    internal readonly struct SinkUse
    {
        public SinkUse(int ordinal, Location sink, string sinkName)
        {
            Ordinal = ordinal;
            Sink = sink;
            SinkName = sinkName;
        }

        public int Ordinal { get; }

        /// <summary>The sink call inside the helper (the evidence).</summary>
        public Location Sink { get; }

        public string SinkName { get; }
    }
}
