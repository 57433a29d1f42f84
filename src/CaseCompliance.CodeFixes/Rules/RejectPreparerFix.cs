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
using Microsoft.CodeAnalysis.Editing;
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>
    /// CASE021: insert a second-party guard at the start of the attestation method that rejects the attestation
    /// when the attester is the person who prepared the payment.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RejectPreparerFix)), Shared]
    public sealed class RejectPreparerFix : CodeFixProvider
    {
        internal const string Key = "CASE021.RejectPreparer";

        private static readonly FixAllProvider FixAll = FixAllProvider.Create(
            async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AttestationWithoutCheck);

        public override FixAllProvider GetFixAllProvider() => FixAll;

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
                if (Plan(root, model, diagnostic, context.CancellationToken) is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(FixTitles.Format(CaseRules.AttestationWithoutCheck, "Reject an attestation by the preparer"),
                            ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct), Key),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var done = new HashSet<SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                if (Plan(root, model, diagnostic, cancellationToken) is { } plan && done.Add(plan.Method))
                {
                    if (plan.Method is BaseMethodDeclarationSyntax { Body: { } body })
                    {
                        if (body.Statements.Count > 0 && !StatementInsertion.IsOnOneLine(body))
                        {
                            StatementInsertion.InsertBefore(editor, body.Statements[0], new[] { plan.Guard }, plan.ReturnsValue);
                        }
                        else
                        {
                            editor.ReplaceNode(body, StatementInsertion.MultilineBlock(new[] { plan.Guard }.Concat(body.Statements)).WithTriviaFrom(body));
                        }
                    }
                    else
                    {
                        StatementInsertion.InsertBefore(editor, plan.Method, new[] { plan.Guard }, plan.ReturnsValue);
                    }
                }
            }

            return await PurposeSyntax.CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
        }

        private sealed class GuardPlan
        {
            public GuardPlan(SyntaxNode method, StatementSyntax guard, bool returnsValue)
            {
                Method = method;
                Guard = guard;
                ReturnsValue = returnsValue;
            }

            public SyntaxNode Method { get; }

            public StatementSyntax Guard { get; }

            public bool ReturnsValue { get; }
        }

        /// <summary><c>if (attester == payment.PreparedBy) throw ...;</c> from the [Attester] parameter and a [PreparedBy] value.</summary>
        private static GuardPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>();
            if (declaration is null || declaration.Body is null && declaration.ExpressionBody is null
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method)
            {
                return null;
            }

            var caseModel = CaseModel.GetOrCreate(model.Compilation);
            var attester = method.Parameters.FirstOrDefault(p => caseModel.HasRole(p, Role.Attester));
            if (attester is null || PreparedBy(caseModel, method, attester) is not { } preparedBy)
            {
                return null;
            }

            ExpressionSyntax same = attester.Type.SpecialType == SpecialType.System_String
                ? SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(attester.Name), preparedBy.Expression)
                : SyntaxFactory.InvocationExpression(
                    SyntaxFactory.ParseExpression("object.Equals"),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                    {
                        SyntaxFactory.Argument(SyntaxFactory.IdentifierName(attester.Name)),
                        SyntaxFactory.Argument(preparedBy.Expression),
                    })));
            var guard = SyntaxFactory.IfStatement(same, SyntaxFactory.Block(ScopeValues.Throw(
                "The attester prepared this payment: no one alone can attest a payment (EK-SKATT-1).")));
            var returnsValue = !(method.ReturnsVoid || method.IsAsync && method.ReturnType is INamedTypeSymbol { Arity: 0 });
            return new GuardPlan(declaration, guard, returnsValue);
        }

        /// <summary>A [PreparedBy] parameter, or a [PreparedBy] property or field of another parameter.</summary>
        private static (ExpressionSyntax Expression, string Text)? PreparedBy(CaseModel caseModel, IMethodSymbol method, IParameterSymbol attester)
        {
            foreach (var parameter in method.Parameters)
            {
                if (caseModel.HasRole(parameter, Role.PreparedBy))
                {
                    return (SyntaxFactory.IdentifierName(parameter.Name), parameter.Name);
                }
            }

            foreach (var parameter in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter, attester))
                {
                    continue;
                }

                for (var type = parameter.Type; type is not null && type.SpecialType == SpecialType.None; type = type.BaseType)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if ((member is IPropertySymbol || member is IFieldSymbol) && !member.IsStatic && caseModel.HasRole(member, Role.PreparedBy))
                        {
                            return (SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                                SyntaxFactory.IdentifierName(parameter.Name), SyntaxFactory.IdentifierName(member.Name)), parameter.Name + "." + member.Name);
                        }
                    }
                }
            }

            return null;
        }
    }
}
