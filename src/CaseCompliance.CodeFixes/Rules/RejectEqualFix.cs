using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes.Rules
{
    /// <summary>
    /// Rules of the kind "guarded body" (CASE021 and custom ones): insert a guard at the start of the method that
    /// rejects when its parameter of the rule's <c>comparedParameter</c> role (the attester) equals a value of the
    /// <c>compareWith</c> role (the payment's preparer).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RejectEqualFix)), Shared]
    public sealed class RejectEqualFix : CodeFixProvider
    {
        internal const string Key = "RejectEqual";

        private static readonly FixAllProvider FixAll = StatementInsertion.FixAll(Plan);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixModel.Ids(RuleIds.AttestationWithoutCheck);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => StatementInsertion.RegisterAsync(context, Plan, d => d.Id + "." + Key);

        /// <summary><c>if (attester == payment.PreparedBy) throw ...;</c> from the compared parameter and a value of the compared role.</summary>
        private static PlannedStatement? Plan(SyntaxNode root, SemanticModel model, CaseModel caseModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!FixModel.IsKind(diagnostic, RuleKind.GuardedBody))
            {
                return null;
            }

            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>();
            if (declaration is null || declaration.Body is null && declaration.ExpressionBody is null
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method)
            {
                return null;
            }

            var comparedRole = FixModel.Roles(caseModel, diagnostic, "comparedParameter");
            var withRole = FixModel.Roles(caseModel, diagnostic, "compareWith");
            var attester = comparedRole.IsEmpty ? null : method.Parameters.FirstOrDefault(p => caseModel.HasRole(p, comparedRole));
            if (attester is null || withRole.IsEmpty || PreparedBy(caseModel, method, attester, withRole) is not { } preparedBy)
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
            diagnostic.Properties.TryGetValue("fixMessage", out var message);
            var guard = SyntaxFactory.IfStatement(same, SyntaxFactory.Block(ScopeValues.Throw(
                message ?? $"'{attester.Name}' may not be the same as '{preparedBy.Text}' ({Cite(diagnostic)}).")));
            var returnsValue = !(method.ReturnsVoid || method.IsAsync && method.ReturnType is INamedTypeSymbol { Arity: 0 });

            // At the start of the method: before its first statement, into an empty or one-line body, or into a new
            // block body in front of an expression body.
            SyntaxNode anchor = declaration.Body switch
            {
                { Statements.Count: > 0 } body when !StatementInsertion.IsOnOneLine(body) => body.Statements[0],
                { } body => body,
                null => declaration,
            };
            return new PlannedStatement(anchor, guard, returnsValue,
                FixTitles.Format(diagnostic, FixTitles.Action(diagnostic, "Reject when '{compared}' is '{other}'", ("compared", attester.Name), ("other", preparedBy.Text)), caseModel));
        }

        /// <summary>The rule's name or guideline for a generated message.</summary>
        internal static string Cite(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(DiagnosticKeys.RuleName, out var name) && name is not null ? name
                : diagnostic.Properties.TryGetValue(DiagnosticKeys.Guideline, out var guideline) && guideline is not null ? guideline
                : diagnostic.Id;

        /// <summary>A [PreparedBy] parameter, or a [PreparedBy] property or field of another parameter.</summary>
        private static (ExpressionSyntax Expression, string Text)? PreparedBy(CaseModel caseModel, IMethodSymbol method, IParameterSymbol attester, RoleSet role)
        {
            foreach (var parameter in method.Parameters)
            {
                if (caseModel.HasRole(parameter, role))
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
                        if ((member is IPropertySymbol || member is IFieldSymbol) && !member.IsStatic && caseModel.HasRole(member, role))
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
