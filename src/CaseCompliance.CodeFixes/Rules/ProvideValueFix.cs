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
using Microsoft.CodeAnalysis.Simplification;
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>
    /// CASE050: put a reasoning placeholder where the reasons are missing or empty:
    /// <c>DecisionReasons.Missing("...")</c> — the compiler warns wherever it stands (it is obsolete on purpose) and it
    /// throws if it runs, so it can never compile silently into an empty reason.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProvideReasoningFix)), Shared]
    public sealed class ProvideReasoningFix : CodeFixProvider
    {
        internal const string Key = "CASE050.ProvideReasoning";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DecisionWithoutReasoning);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null || model.Compilation.GetTypeByMetadataName(KnownSymbols.Namespace + ".DecisionReasons") is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Rewrite(root, model, diagnostic, context.CancellationToken) is { } rewrite)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(FixTitles.Format(CaseRules.DecisionWithoutReasoning, "Add a reasoning placeholder to fill in"),
                            ct => PurposeSyntax.CleanUpAsync(context.Document.WithSyntaxRoot(root.ReplaceNode(rewrite.Old, rewrite.New)), ct), Key),
                        diagnostic);
                }
            }
        }

        private static (SyntaxNode Old, SyntaxNode New)? Rewrite(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var caseModel = CaseModel.GetOrCreate(model.Compilation);
            diagnostic.Properties.TryGetValue(RequiredValue.MemberKey, out var memberName);
            var placeholder = Placeholder();
            switch (model.GetOperation(node, cancellationToken))
            {
                case IObjectCreationOperation creation:
                    // An argument for the reasoning parameter: replace its value.
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter is not { } parameter || !(caseModel.HasRole(parameter, Role.Reasoning) || string.Equals(parameter.Name, memberName, System.StringComparison.OrdinalIgnoreCase)))
                        {
                            continue;
                        }

                        if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Syntax is ArgumentSyntax given)
                        {
                            return (given.Expression, placeholder.WithTriviaFrom(given.Expression));
                        }

                        // Left out (an optional parameter): pass it by name.
                        if (creation.Syntax is BaseObjectCreationExpressionSyntax withArguments)
                        {
                            var list = withArguments.ArgumentList ?? SyntaxFactory.ArgumentList();
                            var named = SyntaxFactory.Argument(SyntaxFactory.NameColon(parameter.Name), default, placeholder);
                            return (withArguments, withArguments.WithArgumentList(list.AddArguments(named)));
                        }
                    }

                    if (creation.Initializer is { } initializer)
                    {
                        foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                        {
                            if (DataReads.Member(assignment.Target)?.Name == memberName && assignment.Value.Syntax is ExpressionSyntax value)
                            {
                                return (value, placeholder.WithTriviaFrom(value));
                            }
                        }
                    }

                    // Missing: set it in the initializer, when it can be set there.
                    if (memberName is not null && creation.Type is INamedTypeSymbol type && IsSettable(type, memberName)
                        && creation.Syntax is BaseObjectCreationExpressionSyntax objectCreation)
                    {
                        var assignmentSyntax = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(memberName), placeholder);
                        var newInitializer = objectCreation.Initializer is { } existing
                            ? existing.AddExpressions(assignmentSyntax)
                            : SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignmentSyntax));
                        return (objectCreation, objectCreation.WithInitializer(newInitializer));
                    }

                    return null;
                case IWithOperation with:
                    foreach (var assignment in with.Initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        if (DataReads.Member(assignment.Target)?.Name == memberName && assignment.Value.Syntax is ExpressionSyntax value)
                        {
                            return (value, placeholder.WithTriviaFrom(value));
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static bool IsSettable(INamedTypeSymbol type, string name)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers(name))
                {
                    if (member is IPropertySymbol { SetMethod: not null } || member is IFieldSymbol { IsReadOnly: false, IsConst: false })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static ExpressionSyntax Placeholder()
            => SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("global::CaseCompliance.DecisionReasons.Missing").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression,
                        SyntaxFactory.Literal("explain why the decision was made, with the facts and rules it rests on (SJP-MOTIVERING)"))))));
    }
}
