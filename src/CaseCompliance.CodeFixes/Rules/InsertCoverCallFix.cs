using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
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
    /// Rules of the kind "required on every path" (CASE010 and custom ones): make the call that covers. Inserts a call
    /// to a method of the rule's cover role on a service in scope (a parameter, field or property whose type has one)
    /// just before the statement with the trigger, passing the trigger's argument of the rule's match role (the
    /// lookup's subject), a staff member in scope and a reason.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertCoverCallFix)), Shared]
    public sealed class InsertCoverCallFix : CodeFixProvider
    {
        internal const string Key = "InsertCoverCall";

        private static readonly FixAllProvider FixAll = StatementInsertion.FixAll(Plan);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixModel.Ids(RuleIds.LookupWithoutAudit);

        public override FixAllProvider GetFixAllProvider() => FixAll;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => StatementInsertion.RegisterAsync(context, Plan, d => d.Id + "." + Key);

        private static PlannedStatement? Plan(SyntaxNode root, SemanticModel model, CaseModel caseModel, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!FixModel.IsKind(diagnostic, RuleKind.RequiredOnEveryPath))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation trigger
                || StatementInsertion.Anchor(invocation) is not { } anchor
                || ScopeValues.At(caseModel, model, invocation, anchor, cancellationToken) is not { } scope)
            {
                return null;
            }

            // The matched value (the subject) must already exist where the cover goes.
            var match = FixModel.Roles(caseModel, diagnostic, "match");
            var subject = match.IsEmpty ? null : Subject(trigger, match, caseModel);
            if (subject is { } given && ScopeValues.DeclaredWithin(given.Value, anchor))
            {
                return null;
            }

            var wantedName = match.IsEmpty ? null : MatchParameter(trigger.TargetMethod, match, caseModel)?.Name;
            RoleCall? choice = null;
            ExpressionSyntax? call = null;
            var best = int.MinValue;
            foreach (var candidate in scope.RoleCalls(FixModel.Roles(caseModel, diagnostic, "cover")))
            {
                // The cover's parameter for the matched value must take the subject as it is, or one member of it.
                var target = match.IsEmpty ? null : MatchParameter(candidate.Method, match, caseModel);
                ExpressionSyntax? subjectArgument = null;
                var score = candidate.Kind switch { RoleCallKind.Service => 3, RoleCallKind.Own => 2, _ => 1 };
                if (target is not null)
                {
                    if (subject is not { } value || SubjectArgument(value, target, model, caseModel, match, invocation.SpanStart) is not { } fitted)
                    {
                        continue; // it would record nobody, or not compile
                    }

                    subjectArgument = fitted.Syntax;
                    score += (fitted.Direct ? 4 : 2) + (string.Equals(target.Name, wantedName, StringComparison.OrdinalIgnoreCase) ? 2 : 0);
                }
                else if (!match.IsEmpty && subject is not null)
                {
                    continue; // a cover that cannot name the person does not cover this lookup
                }

                if (score <= best)
                {
                    continue;
                }

                var built = scope.TryCall(candidate, parameter => SymbolEqualityComparer.Default.Equals(parameter, target) ? subjectArgument : null, Array.Empty<IOperation>());
                if (built is not null && scope.Binds(built, candidate.Method))
                {
                    (choice, call, best) = (candidate, built, score);
                }
            }

            if (choice is null || call is null)
            {
                return null;
            }

            return new PlannedStatement(anchor, SyntaxFactory.ExpressionStatement(call), scope.ReturnsValue,
                FixTitles.Format(diagnostic, FixTitles.Action(diagnostic, "Call '{call}' on this path", ("call", SymbolText.Member(choice.Method))), caseModel));
        }

        /// <summary>The parameter of a method that plays the match role.</summary>
        private static IParameterSymbol? MatchParameter(IMethodSymbol method, RoleSet match, CaseModel caseModel)
        {
            foreach (var parameter in method.Parameters)
            {
                if (caseModel.HasRole(parameter, match))
                {
                    return parameter;
                }
            }

            return null;
        }

        /// <summary>The value the trigger passes for the match role, as an expression and a type.</summary>
        private static (IOperation Value, ExpressionSyntax Syntax, ITypeSymbol? Type)? Subject(IInvocationOperation trigger, RoleSet match, CaseModel caseModel)
        {
            if (Calls.ValueFor(trigger, match, caseModel) is not { } found)
            {
                return null;
            }

            if (found.Member is null)
            {
                return (found.Value, (ExpressionSyntax)Calls.Unwrap(found.Value).Syntax.WithoutTrivia(), Calls.Unwrap(found.Value).Type);
            }

            if (ValueIdentity.FreshMemberValue(found.Value, found.Member) is { } given)
            {
                return (given, (ExpressionSyntax)Calls.Unwrap(given).Syntax.WithoutTrivia(), Calls.Unwrap(given).Type);
            }

            var instance = (ExpressionSyntax)Calls.Unwrap(found.Value).Syntax.WithoutTrivia();
            if (instance is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax))
            {
                return null; // a call or computation would run twice
            }

            var type = found.Member switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null };
            return (found.Value, SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, instance, SyntaxFactory.IdentifierName(found.Member.Name)), type);
        }

        /// <summary>
        /// The subject as the cover's parameter takes it: as it is when its type converts, else one member of it that
        /// plays the match role, has the parameter's name, or is its <c>Value</c> (a personnummer value object).
        /// </summary>
        private static (ExpressionSyntax Syntax, bool Direct)? SubjectArgument((IOperation Value, ExpressionSyntax Syntax, ITypeSymbol? Type) subject,
            IParameterSymbol parameter, SemanticModel model, CaseModel caseModel, RoleSet match, int position)
        {
            if (subject.Type is not { } type)
            {
                return null;
            }

            if (model.Compilation.ClassifyConversion(type, parameter.Type) is { IsImplicit: true, IsUserDefined: false })
            {
                return (subject.Syntax, true);
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property
                    && model.IsAccessible(position, property)
                    && model.Compilation.ClassifyConversion(property.Type, parameter.Type).IsImplicit
                    && (caseModel.HasRole(property, match) || string.Equals(property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) || property.Name == "Value"))
                {
                    var instance = subject.Syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax ? subject.Syntax : SyntaxFactory.ParenthesizedExpression(subject.Syntax);
                    return (SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, instance, SyntaxFactory.IdentifierName(property.Name)), false);
                }
            }

            return null;
        }
    }
}
