using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>Reads meanings from the CaseCompliance attributes, in source and in referenced assemblies' metadata.</summary>
    internal sealed class AttributeMeaningSource : IMeaningSource
    {
        private readonly KnownSymbols known;
        private readonly RoleCatalog roles;
        private readonly (INamedTypeSymbol? Type, RoleSet Role)[] roleAttributes;

        public AttributeMeaningSource(KnownSymbols known, RoleCatalog roles)
        {
            this.known = known;
            this.roles = roles;
            roleAttributes = new[]
            {
                (known.PersonLookup, roles.Set(BuiltInRoles.PersonLookup)), (known.LookupAudit, roles.Set(BuiltInRoles.LookupAudit)),
                (known.Subject, roles.Set(BuiltInRoles.Subject)), (known.Attestation, roles.Set(BuiltInRoles.Attestation)),
                (known.Attester, roles.Set(BuiltInRoles.Attester)), (known.PreparedBy, roles.Set(BuiltInRoles.PreparedBy)),
                (known.SecondPartyCheck, roles.Set(BuiltInRoles.SecondPartyCheck)), (known.Disbursement, roles.Set(BuiltInRoles.Disbursement)),
                (known.AttestationStatus, roles.Set(BuiltInRoles.AttestationStatus)), (known.CaseDecision, roles.Set(BuiltInRoles.CaseDecision)),
                (known.ConflictOfInterestCheck, roles.Set(BuiltInRoles.ConflictOfInterestCheck)), (known.DecisionLogic, roles.Set(BuiltInRoles.DecisionLogic)),
                (known.DecisionRecord, roles.Set(BuiltInRoles.DecisionRecord)), (known.Reasoning, roles.Set(BuiltInRoles.Reasoning)),
                (known.Redactor, roles.Set(BuiltInRoles.Redactor)), (known.DisclosureSink, roles.Set(BuiltInRoles.DisclosureSink)),
            };
        }

        /// <summary>Whether any annotation type is referenced, so that attributes can mean anything at all.</summary>
        public bool IsReferenced => known.PersonalData is not null || known.ProcessingPurpose is not null || known.CaseRole is not null
            || known.DataClassification is not null || known.PersonLookup is not null;

        public void AddDeclared(ISymbol symbol, MeaningBuilder builder)
        {
            AddFrom(symbol.GetAttributes(), symbol, builder);
            if (symbol is IMethodSymbol method)
            {
                // [return: PersonalData] means the value the method returns is personal data.
                AddFrom(method.GetReturnTypeAttributes(), symbol, builder);
            }
        }

        private void AddFrom(ImmutableArray<AttributeData> attributes, ISymbol symbol, MeaningBuilder builder)
        {
            if (attributes.IsEmpty)
            {
                return;
            }

            PersonalDataInfo? data = null;
            PersonalDataInfo? classified = null;
            string? ground = null;
            foreach (var attribute in attributes)
            {
                var type = attribute.AttributeClass;
                if (type is null || type.TypeKind == TypeKind.Error)
                {
                    continue;
                }

                if (Is(type, known.PersonalData))
                {
                    data = new PersonalDataInfo(FirstString(attribute) ?? MeaningBuilder.UnnamedCategory, NamedStrings(attribute, "Purposes"));
                }
                else if (known.DataClassification is not null && DerivesFrom(type, known.DataClassification))
                {
                    // Microsoft.Extensions.Compliance classifications ([PrivateData], [PiiData] ...) are personal data too.
                    classified ??= new PersonalDataInfo(ClassificationName(type), ImmutableArray<string>.Empty);
                }
                else if (Is(type, known.ProcessingPurpose))
                {
                    builder.AddProcessingPurposes(AllStrings(attribute));
                }
                else if (Is(type, known.ProtectedCharacteristic))
                {
                    ground = FirstString(attribute) ?? "unknown";
                }
                else if (Is(type, known.LegalBasis))
                {
                    builder.AddLegalBasis(new LegalBasisInfo(FirstString(attribute) ?? string.Empty, AllStrings(attribute, skip: 1)));
                }
                else if (Is(type, known.CaseRole))
                {
                    builder.AddRoles(roles.Set(AllStrings(attribute)));
                }
                else
                {
                    foreach (var (roleType, role) in roleAttributes)
                    {
                        if (Is(type, roleType))
                        {
                            builder.AddRoles(role);
                            break;
                        }
                    }
                }
            }

            // [PersonalData] and [ProtectedCharacteristic] together, in either order, are one piece of data with a ground.
            var info = data ?? classified;
            if (ground is not null)
            {
                info = info is null ? new PersonalDataInfo(MeaningBuilder.CharacteristicCategory, ImmutableArray<string>.Empty, ground) : info.WithGround(ground);
            }

            if (info is not null)
            {
                if (symbol is INamedTypeSymbol)
                {
                    builder.AddMemberPersonalData(info);
                }
                else
                {
                    builder.AddPersonalData(info);
                }
            }
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static string ClassificationName(INamedTypeSymbol type)
        {
            var name = type.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;
            return "classified:" + name;
        }

        private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? known)
            => known is not null && SymbolEqualityComparer.Default.Equals(type, known);

        // Attribute arguments can be missing or of the wrong type in broken code: read defensively.
        private static string? FirstString(AttributeData attribute)
        {
            var args = attribute.ConstructorArguments;
            return args.Length > 0 && args[0].Kind == TypedConstantKind.Primitive ? args[0].Value as string : null;
        }

        private static ImmutableArray<string> AllStrings(AttributeData attribute, int skip = 0)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            var args = attribute.ConstructorArguments;
            for (var i = skip; i < args.Length; i++)
            {
                AddStrings(args[i], builder);
            }

            return builder.ToImmutable();
        }

        private static ImmutableArray<string> NamedStrings(AttributeData attribute, string name)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name)
                {
                    AddStrings(pair.Value, builder);
                }
            }

            return builder.ToImmutable();
        }

        private static void AddStrings(TypedConstant constant, ImmutableArray<string>.Builder builder)
        {
            if (constant.Kind == TypedConstantKind.Array && !constant.IsNull)
            {
                foreach (var item in constant.Values)
                {
                    AddStrings(item, builder);
                }
            }
            else if (constant.Kind == TypedConstantKind.Primitive && constant.Value is string s)
            {
                builder.Add(s);
            }
        }
    }
}
