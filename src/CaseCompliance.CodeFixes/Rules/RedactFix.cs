using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>
    /// CASE060: wrap the personal data on its way to the sink in a redactor in scope — a [Redactor] method of this
    /// type or of a source type, one of a service in scope, or a Microsoft.Extensions.Compliance <c>Redactor</c> in
    /// scope (<c>redactor.Redact(value)</c>). The innermost part that brings the data in is wrapped.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactFix)), Shared]
    public sealed class RedactFix : CodeFixProvider
    {
        internal const string Key = "CASE060.Redact";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DisclosedToSink);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Plan(root, model, diagnostic, context.CancellationToken) is { } plan)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(FixTitles.Format(CaseRules.DisclosedToSink, $"Redact with '{plan.Name}'"),
                            ct => PurposeSyntax.CleanUpAsync(context.Document.WithSyntaxRoot(root.ReplaceNode(plan.Carrier, plan.Wrapped)), ct), Key),
                        diagnostic);
                }
            }
        }

        private sealed class RedactPlan
        {
            public RedactPlan(ExpressionSyntax carrier, ExpressionSyntax wrapped, string name)
            {
                Carrier = carrier;
                Wrapped = wrapped;
                Name = name;
            }

            public ExpressionSyntax Carrier { get; }

            public ExpressionSyntax Wrapped { get; }

            public string Name { get; }
        }

        private static RedactPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            if (model.GetOperation(node, cancellationToken) is not { } value)
            {
                return null;
            }

            var caseModel = CaseModel.GetOrCreate(model.Compilation);
            var taint = new Taint(caseModel, new Sinks(caseModel), Calls.Root(value));
            if (taint.Carrier(value) is not { Syntax: ExpressionSyntax carrier } carried || carried.Type is not { } type)
            {
                return null;
            }

            var scope = ScopeValues.At(model, carrier, carrier, cancellationToken);
            diagnostic.Properties.TryGetValue(NoFlowToSink.SourceKey, out var source);
            if (scope is null || FindRedactor(model, caseModel, scope, carrier.SpanStart, type, source) is not { } redactor)
            {
                return null;
            }

            var wrapped = SyntaxFactory.InvocationExpression(redactor.Callee,
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(carrier.WithoutTrivia())))).WithTriviaFrom(carrier);
            return new RedactPlan(carrier, wrapped, redactor.Name);
        }

        /// <summary>
        /// A redactor that takes the value's type: one named for the data (<c>Mask.Personnummer</c> for a personnummer)
        /// first, then the nearest one.
        /// </summary>
        private static (ExpressionSyntax Callee, string Name)? FindRedactor(SemanticModel model, CaseModel caseModel, ScopeValues scope, int position, ITypeSymbol valueType, string? source)
        {
            var candidates = Candidates(model, caseModel, scope, position, valueType).ToList();
            foreach (var candidate in candidates)
            {
                if (source is not null && candidate.Name.IndexOf(source, System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return candidate;
                }
            }

            return candidates.Count > 0 ? candidates[0] : null;
        }

        private static IEnumerable<(ExpressionSyntax Callee, string Name)> Candidates(SemanticModel model, CaseModel caseModel, ScopeValues scope, int position, ITypeSymbol valueType)
        {
            bool Accepts(IMethodSymbol method) => method.Parameters.Length >= 1 && method.Parameters.Skip(1).All(p => p.IsOptional)
                && model.Compilation.ClassifyConversion(valueType, method.Parameters[0].Type).IsImplicit;

            // A [Redactor] method of this type (or its bases), callable by its simple name.
            foreach (var method in scope.MethodsWithRole(scope.Function.ContainingType, Role.Redactor))
            {
                if (Accepts(method) && (method.IsStatic || !IsStaticContext(scope.Function)))
                {
                    yield return (SyntaxFactory.IdentifierName(method.Name), SymbolText.Member(method));
                }
            }

            // A service in scope with one; a Microsoft.Extensions.Compliance Redactor in scope.
            var complianceRedactor = caseModel.Symbols.ComplianceRedactor;
            foreach (var symbol in model.LookupSymbols(position))
            {
                if (ScopeValues.TypeOf(symbol) is not { } type || symbol is ILocalSymbol local && local.DeclaringSyntaxReferences.Any(r => r.Span.End > position))
                {
                    continue;
                }

                if (complianceRedactor is not null && DerivesFrom(type, complianceRedactor))
                {
                    var redact = type.GetMembers("Redact").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_String);
                    if (redact is not null && valueType.SpecialType == SpecialType.System_String)
                    {
                        yield return (Member(scope.Name(symbol), "Redact"), symbol.Name + ".Redact");
                    }
                }

                foreach (var method in scope.MethodsWithRole(type, Role.Redactor))
                {
                    if (!method.IsStatic && Accepts(method))
                    {
                        yield return (Member(scope.Name(symbol), method.Name), SymbolText.Member(method));
                    }
                }
            }

            // A static [Redactor] method of any type in this project.
            foreach (var type in SourceTypes(model.Compilation.Assembly.GlobalNamespace))
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary } method && caseModel.HasRole(method, Role.Redactor)
                        && Accepts(method) && model.IsAccessible(position, method))
                    {
                        var typeName = SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation);
                        yield return (SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, typeName, SyntaxFactory.IdentifierName(method.Name)), SymbolText.Member(method));
                    }
                }
            }

        }

        private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol ns)
        {
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol inner)
                {
                    foreach (var type in SourceTypes(inner))
                    {
                        yield return type;
                    }
                }
                else if (member is INamedTypeSymbol type)
                {
                    yield return type;
                }
            }
        }

        private static ExpressionSyntax Member(ExpressionSyntax receiver, string name)
            => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name));

        private static bool IsStaticContext(IMethodSymbol function)
        {
            var member = function;
            while (member.ContainingSymbol is IMethodSymbol outer)
            {
                member = outer;
            }

            return member.IsStatic;
        }

        private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
