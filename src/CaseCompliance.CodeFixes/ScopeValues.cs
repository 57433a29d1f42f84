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

        private ScopeValues(CaseModel caseModel, SemanticModel model, IMethodSymbol function, List<ISymbol> symbols)
        {
            this.model = model;
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
            return new ScopeValues(caseModel, model, function, symbols);
        }

        /// <summary>
        /// A service in scope (parameter, field, property, or this type) with a method of <paramref name="role"/>:
        /// in an async function an awaitable one, elsewhere a synchronous one (never fire and forget).
        /// </summary>
        public (ISymbol? Receiver, IMethodSymbol Method)? FindServiceMethod(RoleSet role)
        {
            var candidates = new List<(ISymbol? Receiver, IMethodSymbol Method)>();
            foreach (var symbol in symbols)
            {
                if (TypeOf(symbol) is { } type)
                {
                    foreach (var method in MethodsWithRole(type, role))
                    {
                        if (!method.IsStatic && model.IsAccessible(0, method))
                        {
                            candidates.Add((symbol, method));
                        }
                    }
                }
            }

            if (Function.ContainingType is { } own)
            {
                foreach (var method in MethodsWithRole(own, role))
                {
                    candidates.Add((null, method));
                }
            }

            foreach (var candidate in candidates)
            {
                if (IsAwaitable(candidate.Method.ReturnType) == IsAsync)
                {
                    return candidate;
                }
            }

            return IsAsync && candidates.Count > 0 ? candidates[0] : null;
        }

        /// <summary><c>receiver.Method(arguments)</c>, awaited in an async function when the method is awaitable.</summary>
        public ExpressionSyntax Call(ISymbol? receiver, IMethodSymbol method, Func<IParameterSymbol, ExpressionSyntax?> known, IReadOnlyList<IOperation> preferred)
        {
            ExpressionSyntax call = SyntaxFactory.InvocationExpression(
                receiver is null
                    ? SyntaxFactory.IdentifierName(method.Name)
                    : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Name(receiver), SyntaxFactory.IdentifierName(method.Name)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(Arguments(method, known, receiver, preferred))));
            return IsAsync && IsAwaitable(method.ReturnType) ? SyntaxFactory.AwaitExpression(call) : call;
        }

        private List<ArgumentSyntax> Arguments(IMethodSymbol method, Func<IParameterSymbol, ExpressionSyntax?> known, ISymbol? receiver, IReadOnlyList<IOperation> preferred)
        {
            var arguments = new List<ArgumentSyntax>();
            var named = false;
            foreach (var parameter in method.Parameters)
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

                value ??= SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression,
                    SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword)));
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
                if (symbol is IParameterSymbol or ILocalSymbol && type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property)
                        {
                            Consider(property.Type, property.Name, 1, () => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                                SyntaxFactory.IdentifierName(symbol.Name), SyntaxFactory.IdentifierName(property.Name)));
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
                return 2;
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
