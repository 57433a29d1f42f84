using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes
{
    /// <summary>How a fix reaches a method of a role from where it inserts code.</summary>
    internal enum RoleCallKind
    {
        /// <summary>On a parameter, local, field or property in scope: <c>audit.Record(...)</c>.</summary>
        Service,

        /// <summary>A method of the function's own type: <c>Record(...)</c>.</summary>
        Own,

        /// <summary>An extension method on a value in scope: <c>log.Record(...)</c>.</summary>
        Extension,

        /// <summary>A static method of another type: <c>AuditTrail.Record(...)</c>.</summary>
        Static,
    }

    /// <summary>A method of a role and how to reach it (see <see cref="ScopeValues.RoleCalls"/>).</summary>
    internal sealed class RoleCall
    {
        public RoleCall(ISymbol? receiver, IMethodSymbol method, RoleCallKind kind)
        {
            Receiver = receiver;
            Method = method;
            Kind = kind;
        }

        /// <summary>The value in scope the method is called on (a service, or an extension's first argument).</summary>
        public ISymbol? Receiver { get; }

        public IMethodSymbol Method { get; }

        public RoleCallKind Kind { get; }
    }

    /// <summary>
    /// What code inserted at a place can use: the parameters, earlier locals, fields and properties in scope; a
    /// service among them with a method of a given role; and values for that method's parameters (by role, by the
    /// arguments of the call being guarded, by type and name). Shared by the fixes that insert a call or a guard.
    /// </summary>
    internal sealed class ScopeValues
    {
        private readonly SemanticModel model;
        private readonly CaseModel caseModel;
        private readonly List<ISymbol> symbols;

        /// <summary>Where the code binds: the position of the expression it is for, inside the function's body.</summary>
        private readonly int position;

        private ScopeValues(CaseModel caseModel, SemanticModel model, IMethodSymbol function, List<ISymbol> symbols, int position)
        {
            this.model = model;
            this.position = position;
            Function = function;
            this.symbols = symbols;
            this.caseModel = caseModel;
        }

        /// <summary>The method, lambda or local function the code goes into.</summary>
        public IMethodSymbol Function { get; }

        public bool IsAsync => Function.IsAsync;

        /// <summary>Whether the function returns a value (so an expression body becomes <c>return ...;</c>).</summary>
        public bool ReturnsValue => !(Function.ReturnsVoid || Function.IsAsync && Function.ReturnType is INamedTypeSymbol { Arity: 0 });

        /// <summary>Values visible at <paramref name="at"/>, for code inserted before <paramref name="anchor"/>.</summary>
        public static ScopeValues? At(CaseModel caseModel, SemanticModel model, SyntaxNode at, SyntaxNode anchor, CancellationToken cancellationToken)
        {
            if (model.GetEnclosingSymbol(at.SpanStart, cancellationToken) is not IMethodSymbol function)
            {
                return null;
            }

            var position = anchor.SpanStart;
            var symbols = model.LookupSymbols(at.SpanStart).Where(s => IsUsableAt(s, position, function)).ToList();
            return new ScopeValues(caseModel, model, function, symbols, at.SpanStart);
        }

        /// <summary>
        /// The calls of a method of <paramref name="role"/> that code here can make, best first: on a service in scope
        /// (parameter, local, field or property), on this type, as an extension method on a value in scope, or as a
        /// static method of a type of this compilation or of the assemblies its services come from. In an async
        /// function awaitable methods come first; elsewhere awaitable ones are left out (never fire and forget).
        /// </summary>
        public List<RoleCall> RoleCalls(RoleSet role)
        {
            var calls = new List<RoleCall>();
            var seen = new HashSet<string>();
            void Add(RoleCall call)
            {
                if ((!IsAwaitable(call.Method.ReturnType) || IsAsync) && model.IsAccessible(position, call.Method)
                    && seen.Add((call.Receiver?.Name ?? call.Method.ContainingType.Name) + "." + call.Method.GetDocumentationCommentId()))
                {
                    calls.Add(call);
                }
            }

            foreach (var symbol in symbols)
            {
                if (TypeOf(symbol) is { } type)
                {
                    foreach (var method in MethodsWithRole(type, role))
                    {
                        if (!method.IsStatic)
                        {
                            Add(new RoleCall(symbol, method, RoleCallKind.Service));
                        }
                    }
                }
            }

            if (Function.ContainingType is { } own)
            {
                foreach (var method in MethodsWithRole(own, role))
                {
                    if (method.IsStatic || !IsStaticContext)
                    {
                        Add(new RoleCall(null, method, RoleCallKind.Own));
                    }
                }
            }

            foreach (var method in StaticMethodsWithRole(role))
            {
                if (method.IsExtensionMethod)
                {
                    foreach (var symbol in symbols)
                    {
                        if (TypeOf(symbol) is { } type && model.Compilation.ClassifyConversion(type, method.Parameters[0].Type) is { IsImplicit: true, IsUserDefined: false })
                        {
                            Add(new RoleCall(symbol, method, RoleCallKind.Extension));
                        }
                    }
                }
                else if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, Function.ContainingType))
                {
                    Add(new RoleCall(null, method, RoleCallKind.Static));
                }
            }

            return calls
                .Select((call, index) => (call, index))
                .OrderByDescending(c => IsAsync && IsAwaitable(c.call.Method.ReturnType))
                .ThenBy(c => c.index)
                .Select(c => c.call)
                .ToList();
        }

        /// <summary>
        /// The first call of <see cref="RoleCalls"/> for a guard-like fix that has its arguments from the guarded call:
        /// one whose every required argument can be filled.
        /// </summary>
        public (RoleCall Call, ExpressionSyntax Syntax)? FirstCall(RoleSet role, Func<IParameterSymbol, ExpressionSyntax?> known, IReadOnlyList<IOperation> preferred)
        {
            foreach (var call in RoleCalls(role))
            {
                if (TryCall(call, known, preferred) is { } syntax && Binds(syntax, call.Method))
                {
                    return (call, syntax);
                }
            }

            return null;
        }

        private bool IsStaticContext
        {
            get
            {
                var member = Function;
                while (member.ContainingSymbol is IMethodSymbol outer)
                {
                    member = outer;
                }

                return member.IsStatic;
            }
        }

        /// <summary>
        /// Static and extension methods of <paramref name="role"/> in the types of this compilation and of the
        /// assemblies the services in scope come from (an audit library's own helpers), found once per compilation.
        /// </summary>
        private IEnumerable<IMethodSymbol> StaticMethodsWithRole(RoleSet role)
        {
            var assemblies = new List<IAssemblySymbol> { model.Compilation.Assembly };
            foreach (var symbol in symbols)
            {
                if (TypeOf(symbol)?.ContainingAssembly is { } assembly && !assemblies.Contains(assembly, SymbolEqualityComparer.Default))
                {
                    assemblies.Add(assembly);
                }
            }

            foreach (var assembly in assemblies)
            {
                foreach (var method in StaticMethods.GetValue(assembly, StaticMethodsOf))
                {
                    if (caseModel.HasRole(method, role))
                    {
                        yield return method;
                    }
                }
            }
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IAssemblySymbol, List<IMethodSymbol>> StaticMethods = new();

        /// <summary>The public or internal static methods of the static classes and other types of an assembly.</summary>
        private static List<IMethodSymbol> StaticMethodsOf(IAssemblySymbol assembly)
        {
            var methods = new List<IMethodSymbol>();
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(assembly.GlobalNamespace);
            while (stack.Count > 0)
            {
                foreach (var member in stack.Pop().GetMembers())
                {
                    switch (member)
                    {
                        case INamespaceSymbol ns:
                            stack.Push(ns);
                            break;
                        case INamedTypeSymbol type when type.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal:
                            stack.Push(type);
                            break;
                        case IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary } method:
                            methods.Add(method);
                            break;
                    }
                }
            }

            return methods;
        }

        /// <summary>
        /// <c>receiver.Method(arguments)</c> (awaited in an async function when the method is awaitable), with every
        /// argument from <paramref name="known"/>, the guarded call's values or the scope; null when a required
        /// argument has no fitting value: such a call would not compile or would record nobody.
        /// </summary>
        public ExpressionSyntax? TryCall(RoleCall call, Func<IParameterSymbol, ExpressionSyntax?> known, IReadOnlyList<IOperation> preferred)
        {
            var method = call.Method;
            var parameters = method.Parameters.AsEnumerable();
            ExpressionSyntax target;
            switch (call.Kind)
            {
                case RoleCallKind.Service:
                    target = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Name(call.Receiver!), SyntaxFactory.IdentifierName(method.Name));
                    break;
                case RoleCallKind.Own:
                    target = SyntaxFactory.IdentifierName(method.Name);
                    break;
                case RoleCallKind.Extension when ExtensionBinds(call):
                    target = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Name(call.Receiver!), SyntaxFactory.IdentifierName(method.Name));
                    parameters = parameters.Skip(1);
                    break;
                default:
                    target = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName(method.ContainingType), SyntaxFactory.IdentifierName(method.Name));
                    break;
            }

            var arguments = new List<ArgumentSyntax>();
            if (call.Kind == RoleCallKind.Extension && parameters.Count() == method.Parameters.Length)
            {
                arguments.Add(SyntaxFactory.Argument(Name(call.Receiver!))); // called as a static method
                parameters = parameters.Skip(1);
            }

            if (Arguments(parameters, known, call.Receiver, preferred) is not { } rest)
            {
                return null;
            }

            arguments.AddRange(rest);
            ExpressionSyntax invocation = SyntaxFactory.InvocationExpression(target, SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));
            return IsAsync && IsAwaitable(method.ReturnType) ? SyntaxFactory.AwaitExpression(invocation) : invocation;
        }

        /// <summary>Whether the call binds, here, to the method meant (overload resolution and argument types agree).</summary>
        public bool Binds(ExpressionSyntax call, IMethodSymbol method)
        {
            var invocation = call is AwaitExpressionSyntax awaited ? awaited.Expression : call;
            var bound = model.GetSpeculativeSymbolInfo(position, invocation, SpeculativeBindingOption.BindAsExpression);
            if (bound.Symbol is not IMethodSymbol target)
            {
                // A static type name still to be simplified (global::...) binds as well; anything else that fails does not.
                return false;
            }

            var original = (target.ReducedFrom ?? target).OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(original, method.OriginalDefinition);
        }

        private bool ExtensionBinds(RoleCall call)
        {
            var receiverType = TypeOf(call.Receiver!);
            return receiverType is not null
                && model.LookupSymbols(position, receiverType, call.Method.Name, includeReducedExtensionMethods: true)
                    .OfType<IMethodSymbol>().Any(m => SymbolEqualityComparer.Default.Equals((m.ReducedFrom ?? m).OriginalDefinition, call.Method.OriginalDefinition));
        }

        private static ExpressionSyntax TypeName(INamedTypeSymbol type)
            => SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        /// <summary><c>receiver.Method(arguments)</c>, awaited in an async function when the method is awaitable.</summary>
        public ExpressionSyntax? Call(ISymbol? receiver, IMethodSymbol method, Func<IParameterSymbol, ExpressionSyntax?> known, IReadOnlyList<IOperation> preferred)
            => TryCall(new RoleCall(receiver, method, receiver is null ? RoleCallKind.Own : RoleCallKind.Service), known, preferred);

        private List<ArgumentSyntax>? Arguments(IEnumerable<IParameterSymbol> parameters, Func<IParameterSymbol, ExpressionSyntax?> known, ISymbol? receiver, IReadOnlyList<IOperation> preferred)
        {
            var arguments = new List<ArgumentSyntax>();
            var named = false;
            foreach (var parameter in parameters)
            {
                var value = known(parameter);
                if (value is null && parameter.Type.SpecialType == SpecialType.System_String && LooksLikeReason(parameter.Name))
                {
                    value = Find(parameter, receiver, reasonOnly: true, preferred) ?? SyntaxFactory.ParseExpression("nameof(" + MemberName(Function) + ")");
                }

                value ??= Find(parameter, receiver, reasonOnly: false, preferred);
                if (value is null && parameter.IsOptional)
                {
                    named = true; // leave it out; later arguments must name their parameter
                    continue;
                }

                if (value is null && parameter.Type.Name == "CancellationToken")
                {
                    value = SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword));
                }

                if (value is null || parameter.RefKind is RefKind.Out or RefKind.Ref)
                {
                    return null; // nothing in scope fits: the fix is not offered rather than passing default
                }

                var argument = SyntaxFactory.Argument(value);
                arguments.Add(named ? argument.WithNameColon(SyntaxFactory.NameColon(parameter.Name)) : argument);
            }

            return arguments;
        }

        /// <summary>
        /// The best value for a parameter: an argument of the guarded call of a fitting type, else a variable in scope
        /// of a fitting type and name, else a property of one (<c>request.Officer</c>).
        /// </summary>
        private ExpressionSyntax? Find(IParameterSymbol parameter, ISymbol? receiver, bool reasonOnly, IReadOnlyList<IOperation> preferred)
        {
            ExpressionSyntax? best = null;
            var bestScore = 0;
            void Consider(ITypeSymbol? type, string name, int bonus, Func<ExpressionSyntax> expression)
            {
                if (type is null || !model.Compilation.ClassifyConversion(type, parameter.Type).IsImplicit)
                {
                    return;
                }

                var score = Score(name, parameter, reasonOnly);
                if (score > 0 && score * 3 + bonus > bestScore)
                {
                    best = expression();
                    bestScore = score * 3 + bonus;
                }
            }

            foreach (var value in preferred)
            {
                if (IsSimple(value) && !reasonOnly && value.Type is { } type && model.Compilation.ClassifyConversion(type, parameter.Type).IsImplicit
                    && type.SpecialType == SpecialType.None && 100 > bestScore)
                {
                    best = (ExpressionSyntax)value.Syntax.WithoutTrivia();
                    bestScore = 100; // the very values the guarded call works on
                }
            }

            foreach (var symbol in symbols)
            {
                if (SymbolEqualityComparer.Default.Equals(symbol, receiver) || TypeOf(symbol) is not { } type)
                {
                    continue;
                }

                Consider(type, symbol.Name, 2, () => Name(symbol));
                if (type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface)
                {
                    // A member of a value in scope: request.Officer, or currentUser.StaffId for a staffId (its name
                    // read together with the value's: "currentUser" + "StaffId").
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property && model.IsAccessible(position, property))
                        {
                            var name = Score(property.Name, parameter, reasonOnly) >= Score(symbol.Name + property.Name, parameter, reasonOnly) ? property.Name : symbol.Name + property.Name;
                            Consider(property.Type, name, 1, () => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                                Name(symbol), SyntaxFactory.IdentifierName(property.Name)));
                        }
                    }
                }
            }

            return best;
        }

        private static bool IsSimple(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value is ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation
                || value is IMemberReferenceOperation { Instance: null or ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation };
        }

        /// <summary>How well a name fits a parameter: the same name; a staff-like name for a staff parameter; a type made for it.</summary>
        private static int Score(string name, IParameterSymbol parameter, bool reasonOnly)
        {
            if (string.Equals(name, parameter.Name, StringComparison.OrdinalIgnoreCase))
            {
                return 3;
            }

            if (reasonOnly)
            {
                return LooksLikeReason(name) ? 2 : 0;
            }

            if ((LooksLikeStaff(parameter.Name) || LooksLikeStaff(parameter.Type.Name)) && LooksLikeStaff(name))
            {
                // A staff id takes an id (currentUser.StaffId), not a display name (currentUser.Name).
                var wantsId = parameter.Type.SpecialType == SpecialType.System_String && parameter.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase);
                return !wantsId || name.EndsWith("id", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
            }

            // A value of a type made for the parameter (an Officer for an Officer) fits; a string for a string does not.
            return parameter.Type.SpecialType == SpecialType.None && parameter.Type.TypeKind != TypeKind.TypeParameter ? 1 : 0;
        }

        private static bool LooksLikeStaff(string name)
        {
            var lower = name.ToLowerInvariant();
            return lower.Contains("staff") || lower.Contains("officer") || lower.Contains("user") || lower.Contains("employee")
                || lower.Contains("handlaggare") || lower.Contains("handläggare") || lower.Contains("actor") || lower.Contains("caseworker");
        }

        private static bool LooksLikeReason(string name)
        {
            var lower = name.ToLowerInvariant();
            return lower.Contains("reason") || lower.Contains("purpose") || lower.Contains("motive") || lower.Contains("skal") || lower.Contains("skäl");
        }

        /// <summary>The methods of a type (its bases and interfaces included) that play <paramref name="role"/>.</summary>
        public IEnumerable<IMethodSymbol> MethodsWithRole(ITypeSymbol type, RoleSet role)
        {
            var seen = new HashSet<string>();
            var types = new List<ITypeSymbol> { type };
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                types.Add(t);
            }

            types.AddRange(type.AllInterfaces);
            foreach (var t in types)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && caseModel.HasRole(method, role)
                        && seen.Add(method.Name + "/" + method.Parameters.Length))
                    {
                        yield return method;
                    }
                }
            }
        }

        internal static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            IParameterSymbol p => p.Type,
            ILocalSymbol l => l.Type,
            IFieldSymbol f => f.Type,
            IPropertySymbol { IsIndexer: false } p => p.Type,
            _ => null,
        };

        /// <summary>Parameters and locals declared before the point, and fields and properties usable from the function.</summary>
        private static bool IsUsableAt(ISymbol symbol, int position, IMethodSymbol function)
        {
            switch (symbol)
            {
                case IParameterSymbol:
                    return true;
                case ILocalSymbol local:
                    return local.DeclaringSyntaxReferences.All(r => r.Span.End <= position);
                case IFieldSymbol or IPropertySymbol:
                    var member = function;
                    while (member.ContainingSymbol is IMethodSymbol outer)
                    {
                        member = outer;
                    }

                    return !symbol.IsImplicitlyDeclared && (symbol.IsStatic || !member.IsStatic)
                        && symbol.ContainingType is not null && function.ContainingType is not null
                        && IsSameOrBase(symbol.ContainingType, function.ContainingType);
                default:
                    return false;
            }
        }

        private static bool IsSameOrBase(INamedTypeSymbol candidate, INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, candidate.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A name for the symbol; a field or property shadowed by a parameter or local is reached through <c>this</c>.</summary>
        public ExpressionSyntax Name(ISymbol symbol)
        {
            var name = SyntaxFactory.IdentifierName(symbol.Name);
            if ((symbol is IFieldSymbol || symbol is IPropertySymbol) && !symbol.IsStatic
                && symbols.Any(s => (s is IParameterSymbol || s is ILocalSymbol) && s.Name == symbol.Name))
            {
                return SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), name);
            }

            return name;
        }

        /// <summary>Whether a value uses a local declared inside <paramref name="anchor"/> (so it does not exist before it).</summary>
        public static bool DeclaredWithin(IOperation value, SyntaxNode anchor)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation local
                    && local.Local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == anchor.SyntaxTree && anchor.Span.Contains(r.Span)))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsAwaitable(ITypeSymbol type)
            => type.Name is "Task" or "ValueTask" && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

        /// <summary><c>throw new InvalidOperationException("message");</c> (System imported as needed).</summary>
        public static ThrowStatementSyntax Throw(string message)
            => SyntaxFactory.ThrowStatement(SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.ParseTypeName("global::System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(message)))))));

        private static string MemberName(IMethodSymbol function)
        {
            var member = function;
            while (member.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction && member.ContainingSymbol is IMethodSymbol outer)
            {
                member = outer;
            }

            if (member.MethodKind == MethodKind.AnonymousFunction)
            {
                return member.ContainingType?.Name ?? "lookup";
            }

            return member.AssociatedSymbol?.Name ?? (member.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor ? member.ContainingType.Name : member.Name);
        }
    }
}
