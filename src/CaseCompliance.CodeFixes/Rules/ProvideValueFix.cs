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
    /// Rules of the kind "required value" (CASE050 and custom ones): put a placeholder where the required string is
    /// missing or empty: <c>DecisionReasons.Missing("...")</c> — the compiler warns wherever it stands (it is obsolete
    /// on purpose) and it throws if it runs, so it can never compile silently into an empty value. Not offered where
    /// the member is no string or the annotations (which hold DecisionReasons) are not referenced.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProvideValueFix)), Shared]
    public sealed class ProvideValueFix : CodeFixProvider
    {
        internal const string Key = "ProvideValue";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixModel.Ids(RuleIds.DecisionWithoutReasoning);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null || model.Compilation.GetTypeByMetadataName(KnownSymbols.Namespace + ".DecisionReasons") is null)
            {
                return;
            }

            var caseModel = FixModel.For(context.Document, model);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (FixModel.IsKind(diagnostic, RuleKind.RequiredValue) && Rewrite(root, model, caseModel, diagnostic, context.CancellationToken) is { } rewrite)
                {
                    diagnostic.Properties.TryGetValue(DiagnosticKeys.Member, out var member);
                    await CompilingFix.RegisterAsync(context, 
                        CodeAction.Create(FixTitles.Format(diagnostic, FixTitles.Action(diagnostic, "Add a placeholder for '{member}' to fill in", ("member", member ?? "the value")), caseModel),
                            ct => PurposeSyntax.CleanUpAsync(context.Document.WithSyntaxRoot(root.ReplaceNode(rewrite.Old, rewrite.New)), ct), diagnostic.Id + "." + Key),
                        diagnostic);
                }
            }
        }

        private static (SyntaxNode Old, SyntaxNode New)? Rewrite(SyntaxNode root, SemanticModel model, CaseModel caseModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            diagnostic.Properties.TryGetValue(DiagnosticKeys.Member, out var memberName);
            diagnostic.Properties.TryGetValue("fixPlaceholder", out var ask);
            var memberRole = FixModel.Roles(caseModel, diagnostic, "member");
            var placeholder = Placeholder(ask ?? $"write the {memberName} ({RejectEqualFix.Cite(diagnostic)})");
            switch (model.GetOperation(node, cancellationToken))
            {
                case IObjectCreationOperation creation:
                    // An argument for the reasoning parameter: replace its value.
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter is not { } parameter || !(caseModel.HasRole(parameter, memberRole) || string.Equals(parameter.Name, memberName, System.StringComparison.OrdinalIgnoreCase)))
                        {
                            continue;
                        }

                        if (parameter.Type.SpecialType != SpecialType.System_String)
                        {
                            return null; // the placeholder is a string
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
                            if (DataReads.Member(assignment.Target)?.Name == memberName && assignment.Value.Syntax is ExpressionSyntax value
                                && assignment.Target.Type?.SpecialType == SpecialType.System_String)
                            {
                                return (value, placeholder.WithTriviaFrom(value));
                            }
                        }
                    }

                    // Missing: set it in the initializer, when it can be set there.
                    if (memberName is not null && creation.Type is INamedTypeSymbol type && IsSettableString(type, memberName)
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
                        if (DataReads.Member(assignment.Target)?.Name == memberName && assignment.Value.Syntax is ExpressionSyntax value
                            && assignment.Target.Type?.SpecialType == SpecialType.System_String)
                        {
                            return (value, placeholder.WithTriviaFrom(value));
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static bool IsSettableString(INamedTypeSymbol type, string name)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers(name))
                {
                    if (member is IPropertySymbol { SetMethod: not null, Type.SpecialType: SpecialType.System_String }
                        || member is IFieldSymbol { IsReadOnly: false, IsConst: false, Type.SpecialType: SpecialType.System_String })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static ExpressionSyntax Placeholder(string ask)
            => SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("global::CaseCompliance.DecisionReasons.Missing").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(ask))))));
    }
}
