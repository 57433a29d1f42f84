using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// The bodies of the compilation's own methods, for summaries of what a call does: the operation tree and the
    /// control-flow graph of a method, built once per compilation and only when a rule asks about a call to it. Which
    /// body a call runs: the method itself when it cannot be overridden, else the one implementation in source of a
    /// virtual, abstract or interface method (none when there are several, or the body is in metadata).
    /// </summary>
    internal sealed class SourceBodies
    {
        /// <summary>The key of the call-chain depth, as roslyn-analyzers' <c>max_interprocedural_method_call_chain</c>.</summary>
        public const string DepthKey = "casecompliance.max_interprocedural_method_call_chain";

        private const string SharedDepthKey = "dotnet_code_quality.max_interprocedural_method_call_chain";

        /// <summary>How many calls deep a summary looks by default: a helper, the helper it calls, and one more.</summary>
        public const int DefaultDepth = 3;

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, SourceBody?> bodies = new ConcurrentDictionary<IMethodSymbol, SourceBody?>(SymbolEqualityComparer.Default);
        private Dictionary<IMethodSymbol, List<IMethodSymbol>>? implementations;
        private readonly object gate = new object();

        public SourceBodies(Compilation compilation, int depth)
        {
            this.compilation = compilation;
            Depth = depth;
        }

        public Compilation Compilation => compilation;

        /// <summary>How many calls deep summaries look (0: none).</summary>
        public int Depth { get; }

        /// <summary>The configured depth: <see cref="DepthKey"/>, else the roslyn-analyzers key, else <see cref="DefaultDepth"/>.</summary>
        public static int ConfiguredDepth(AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            foreach (var key in new[] { DepthKey, SharedDepthKey })
            {
                if (global.TryGetValue(key, out var text) && int.TryParse(text.Trim(), out var depth) && depth >= 0)
                {
                    return depth > 10 ? 10 : depth;
                }
            }

            return DefaultDepth;
        }

        /// <summary>
        /// Whether a call to <paramref name="method"/> is a coverage gap: a virtual, abstract or interface method of the
        /// compilation with several implementations in source, or none. Cheap: no body is read.
        /// </summary>
        public bool IsGap(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            if (!IsOverridable(method) || !IsInSource(method))
            {
                return false;
            }

            var count = !method.IsAbstract && method.ContainingType?.TypeKind != TypeKind.Interface ? 1 : 0;
            if (Implementations().TryGetValue(method, out var found))
            {
                count += found.Count;
            }

            return count != 1;
        }

        private static bool IsOverridable(IMethodSymbol method)
            => (method.IsVirtual || method.IsAbstract || method.IsOverride) && !method.IsSealed
                && method.ContainingType is { IsSealed: false } && method.ContainingType.TypeKind != TypeKind.Struct
                || method.ContainingType?.TypeKind == TypeKind.Interface;

        /// <summary>What a call to <paramref name="method"/> runs, when the compilation can tell.</summary>
        public CallTarget Resolve(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            if (method.MethodKind == MethodKind.LocalFunction || method.MethodKind == MethodKind.AnonymousFunction)
            {
                return CallTarget.Unseen;
            }

            if (!IsOverridable(method))
            {
                return Body(method, cancellationToken) is { } own ? new CallTarget(own, false) : CallTarget.Unseen;
            }

            var candidates = new List<IMethodSymbol>();
            if (!method.IsAbstract && method.ContainingType?.TypeKind != TypeKind.Interface)
            {
                candidates.Add(method);
            }

            if (Implementations().TryGetValue(method, out var found))
            {
                candidates.AddRange(found);
            }

            if (candidates.Count == 1 && Body(candidates[0], cancellationToken) is { } only)
            {
                return new CallTarget(only, false);
            }

            return new CallTarget(null, candidates.Count > 1 || candidates.Count == 0 && IsInSource(method));
        }

        /// <summary>Whether a method belongs to this compilation (its body may be read).</summary>
        public bool IsInSource(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly);

        /// <summary>The body of a method declared in this compilation; null for metadata, abstract and extern methods.</summary>
        public SourceBody? Body(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = (method.PartialImplementationPart ?? method).OriginalDefinition;
            if (bodies.TryGetValue(method, out var known))
            {
                return known;
            }

            return bodies.GetOrAdd(method, Build(method, cancellationToken));
        }

        private SourceBody? Build(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.IsExtern || !IsInSource(method) || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = method.DeclaringSyntaxReferences[0];
            if (!compilation.ContainsSyntaxTree(reference.SyntaxTree))
            {
                return null;
            }

            var node = reference.GetSyntax(cancellationToken);
#pragma warning disable RS0030, RS1030 // a summary needs the body of a method in another file, as roslyn-analyzers' interprocedural analysis does; the driver caches semantic models
            var semanticModel = compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS0030, RS1030
            var operation = semanticModel.GetOperation(node, cancellationToken);
            if (operation is not (IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation { Parent: null }))
            {
                return null;
            }

            return new SourceBody(method, operation, ImmutableArray.Create(operation));
        }

        /// <summary>Every source method that overrides or implements another method, by that method; built once.</summary>
        private Dictionary<IMethodSymbol, List<IMethodSymbol>> Implementations()
        {
            lock (gate)
            {
                if (implementations is not null)
                {
                    return implementations;
                }

                var map = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
                void Add(IMethodSymbol key, IMethodSymbol implementation)
                {
                    if (!map.TryGetValue(key.OriginalDefinition, out var list))
                    {
                        map.Add(key.OriginalDefinition, list = new List<IMethodSymbol>());
                    }

                    if (!list.Contains(implementation, SymbolEqualityComparer.Default))
                    {
                        list.Add(implementation);
                    }
                }

                var stack = new Stack<INamespaceOrTypeSymbol>();
                stack.Push(compilation.Assembly.GlobalNamespace);
                while (stack.Count > 0)
                {
                    var container = stack.Pop();
                    foreach (var member in container.GetMembers())
                    {
                        if (member is INamespaceOrTypeSymbol nested)
                        {
                            stack.Push(nested);
                        }

                        if (member is not IMethodSymbol { IsAbstract: false } method || container is not INamedTypeSymbol type)
                        {
                            continue;
                        }

                        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                        {
                            Add(overridden, method);
                        }

                        foreach (var explicitly in method.ExplicitInterfaceImplementations)
                        {
                            Add(explicitly, method);
                        }

                        foreach (var @interface in type.AllInterfaces)
                        {
                            foreach (var interfaceMember in @interface.GetMembers(method.Name))
                            {
                                if (interfaceMember is IMethodSymbol interfaceMethod
                                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method))
                                {
                                    Add(interfaceMethod, method);
                                }
                            }
                        }
                    }
                }

                return implementations = map;
            }
        }
    }

    /// <summary>A method's body in source: the operation tree the compiler built, and its graph when a rule needs one (built once).</summary>
    internal sealed class SourceBody
    {
        private readonly IOperation root;
        private ControlFlowGraph? graph;

        public SourceBody(IMethodSymbol method, IOperation root, ImmutableArray<IOperation> roots)
        {
            Method = method;
            this.root = root;
            Roots = roots;
        }

        public IMethodSymbol Method { get; }

        /// <summary>The control-flow graph of the body; null for a body the compiler has no graph for (broken code).</summary>
        public ControlFlowGraph? Graph
        {
            get
            {
                if (graph is null)
                {
                    try
                    {
                        var built = root switch
                        {
                            IMethodBodyOperation body => ControlFlowGraph.Create(body),
                            IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                            IBlockOperation block => ControlFlowGraph.Create(block),
                            _ => null,
                        };
                        Interlocked.CompareExchange(ref graph, built, null);
                    }
                    catch (System.ArgumentException)
                    {
                        return null;
                    }
                }

                return graph;
            }
        }

        public ImmutableArray<IOperation> Roots { get; }
    }

    /// <summary>What a call runs: a body in source, or nothing seen; <see cref="Gap"/> when the call is to a method of the compilation whose body the analysis cannot choose (several implementations, or none in source).</summary>
    internal readonly struct CallTarget
    {
        public static readonly CallTarget Unseen = new CallTarget(null, false);

        public CallTarget(SourceBody? body, bool gap)
        {
            Body = body;
            Gap = gap;
        }

        public SourceBody? Body { get; }

        public bool Gap { get; }
    }
}
