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
    /// Rules of the kind "no flow to sink" (CASE060 and custom ones): wrap the personal data on its way to the sink in
    /// a method of one of the rule's redactor roles in scope — one of this type, one of a service in scope (a
    /// Microsoft.Extensions.Compliance <c>Redactor</c>: <c>redactor.Redact(value)</c>), or a static one of this project.
    /// The innermost part that brings the data in is wrapped.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactFix)), Shared]
    public sealed class RedactFix : CodeFixProvider
    {
        internal const string Key = "Redact";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixModel.Ids(RuleIds.DisclosedToSink);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            var caseModel = FixModel.For(context.Document, model);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (FixModel.IsKind(diagnostic, RuleKind.NoFlowToSink) && Plan(root, model, caseModel, diagnostic, context.CancellationToken) is { } plan)
                {
                    await CompilingFix.RegisterAsync(context, 
                        CodeAction.Create(FixTitles.Format(diagnostic, FixTitles.Action(diagnostic, "Redact with '{call}'", ("call", plan.Name)), caseModel),
                            ct => PurposeSyntax.CleanUpAsync(context.Document.WithSyntaxRoot(root.ReplaceNode(plan.Carrier, plan.Wrapped)), ct), diagnostic.Id + "." + Key),
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

        private static RedactPlan? Plan(SyntaxNode root, SemanticModel model, CaseModel caseModel, Diagnostic diagnostic, CancellationToken cancellationToken)
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

            var redactors = FixModel.Roles(caseModel, diagnostic, "redactors");
            var taint = new Taint(caseModel, new Sinks(caseModel, FixModel.Roles(caseModel, diagnostic, "sinks"), redactors), Calls.Root(value));
            if (taint.Carrier(value) is not { Syntax: ExpressionSyntax carrier } carried || carried.Type is not { } type)
            {
                return null;
            }

            var scope = ScopeValues.At(caseModel, model, carrier, carrier, cancellationToken);
            diagnostic.Properties.TryGetValue(DiagnosticKeys.Source, out var source);
            if (redactors.IsEmpty || scope is null || FindRedactor(model, caseModel, redactors, scope, carrier.SpanStart, type, source) is not { } redactor)
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
        private static (ExpressionSyntax Callee, string Name)? FindRedactor(SemanticModel model, CaseModel caseModel, RoleSet redactors, ScopeValues scope, int position, ITypeSymbol valueType, string? source)
        {
            var candidates = Candidates(model, caseModel, redactors, scope, position, valueType).ToList();
            foreach (var candidate in candidates)
            {
                if (source is not null && candidate.Name.IndexOf(source, System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return candidate;
                }
            }

            return candidates.Count > 0 ? candidates[0] : null;
        }

        private static IEnumerable<(ExpressionSyntax Callee, string Name)> Candidates(SemanticModel model, CaseModel caseModel, RoleSet redactors, ScopeValues scope, int position, ITypeSymbol valueType)
        {
            // Takes the value, and gives back something that can stand where the value stood (a redacted string, not its length).
            bool Accepts(IMethodSymbol method) => method.Parameters.Length >= 1 && method.Parameters.Skip(1).All(p => p.IsOptional)
                && model.Compilation.ClassifyConversion(valueType, method.Parameters[0].Type).IsImplicit
                && (method.ReturnType.SpecialType == SpecialType.System_String || model.Compilation.ClassifyConversion(method.ReturnType, valueType).IsImplicit);

            // A redactor method of this type (or its bases), callable by its simple name.
            foreach (var method in scope.MethodsWithRole(scope.Function.ContainingType, redactors))
            {
                if (Accepts(method) && (method.IsStatic || !IsStaticContext(scope.Function)))
                {
                    yield return (SyntaxFactory.IdentifierName(method.Name), SymbolText.Member(method));
                }
            }

            // A service in scope with one: a Microsoft.Extensions.Compliance Redactor's Redact, or any other.
            foreach (var symbol in model.LookupSymbols(position))
            {
                if (ScopeValues.TypeOf(symbol) is not { } type || symbol is ILocalSymbol local && local.DeclaringSyntaxReferences.Any(r => r.Span.End > position))
                {
                    continue;
                }

                foreach (var method in scope.MethodsWithRole(type, redactors))
                {
                    if (!method.IsStatic && !method.IsGenericMethod && Accepts(method))
                    {
                        yield return (Member(scope.Name(symbol), method.Name), SymbolText.Member(method));
                    }
                }
            }

            // A static redactor method of any type in this project.
            foreach (var type in SourceTypes(model.Compilation.Assembly.GlobalNamespace))
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary } method && caseModel.HasRole(method, redactors)
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
    }
}
