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

        private static readonly FixAllProvider FixAll = StatementInsertion.FixAll(Plan);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AttestationWithoutCheck);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => StatementInsertion.RegisterAsync(context, Plan, _ => Key);

        /// <summary><c>if (attester == payment.PreparedBy) throw ...;</c> from the [Attester] parameter and a [PreparedBy] value.</summary>
        private static PlannedStatement? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
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

            // At the start of the method: before its first statement, into an empty or one-line body, or into a new
            // block body in front of an expression body.
            SyntaxNode anchor = declaration.Body switch
            {
                { Statements.Count: > 0 } body when !StatementInsertion.IsOnOneLine(body) => body.Statements[0],
                { } body => body,
                null => declaration,
            };
            return new PlannedStatement(anchor, guard, returnsValue,
                FixTitles.Format(CaseRules.AttestationWithoutCheck, "Reject an attestation by the preparer"));
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
