// Reads policy YAML files the way `guardian policy apply --file` does (gopkg.in/yaml.v3 Unmarshal into
// domain.Policy), with struct mirrors carrying the same yaml tags as raystack faf5807 / goto c3db7ca,
// and prints what each struct holds as JSON (keys = the yaml tags), one line per file.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"gopkg.in/yaml.v3"
)

type MatchCondition struct {
	Eq interface{} `json:"eq" yaml:"eq"`
}
type Condition struct {
	Field string          `json:"field" yaml:"field"`
	Match *MatchCondition `json:"match" yaml:"match"`
}

// step holds the fields raystack and goto share; each dialect adds its own.
type step struct {
	Name            string   `json:"name" yaml:"name"`
	Description     string   `json:"description" yaml:"description"`
	AllowFailed     bool     `json:"allow_failed" yaml:"allow_failed"`
	When            string   `json:"when,omitempty" yaml:"when,omitempty"`
	Strategy        string   `json:"strategy" yaml:"strategy"`
	RejectionReason string   `json:"rejection_reason" yaml:"rejection_reason"`
	Approvers       []string `json:"approvers,omitempty" yaml:"approvers,omitempty"`
	ApproveIf       string   `json:"approve_if,omitempty" yaml:"approve_if,omitempty"`
}
type RStep struct {
	step `yaml:",inline"`
}
type GStep struct {
	step                  `yaml:",inline"`
	Stage                 string                 `json:"stage,omitempty" yaml:"stage,omitempty"`
	DontAllowSelfApproval bool                   `json:"dont_allow_self_approval,omitempty" yaml:"dont_allow_self_approval,omitempty"`
	Details               map[string]interface{} `json:"details,omitempty" yaml:"details,omitempty"`
	TermsAndConditions    string                 `json:"terms_and_conditions,omitempty" yaml:"terms_and_conditions,omitempty"`
}
type RequirementTrigger struct {
	ProviderType string       `json:"provider_type" yaml:"provider_type"`
	ProviderURN  string       `json:"provider_urn" yaml:"provider_urn"`
	ResourceType string       `json:"resource_type" yaml:"resource_type"`
	ResourceURN  string       `json:"resource_urn" yaml:"resource_urn"`
	Role         string       `json:"role" yaml:"role"`
	Conditions   []*Condition `json:"conditions" yaml:"conditions"`
	Expression   string       `json:"expression" yaml:"expression"`
}
type ResourceIdentifier struct {
	ProviderType string `json:"provider_type" yaml:"provider_type"`
	ProviderURN  string `json:"provider_urn" yaml:"provider_urn"`
	Type         string `json:"type" yaml:"type"`
	URN          string `json:"urn" yaml:"urn"`
	ID           string `json:"id" yaml:"id"`
}
type AppealOptions struct {
	ExpirationDate *time.Time `json:"expiration_date,omitempty" yaml:"expiration_date,omitempty"`
	Duration       string     `json:"duration" yaml:"duration"`
}
type PolicyConfig struct {
	ID      string `json:"id" yaml:"id"`
	Version int    `json:"version" yaml:"version"`
}
type AdditionalAppeal struct {
	Resource    *ResourceIdentifier `json:"resource" yaml:"resource"`
	Role        string              `json:"role" yaml:"role"`
	Options     *AppealOptions      `json:"options" yaml:"options"`
	Policy      *PolicyConfig       `json:"policy" yaml:"policy"`
	AccountType string              `json:"account_type,omitempty" yaml:"account_type"`
}
type PostAppealHook struct {
	Name        string      `json:"name" yaml:"name"`
	Description string      `json:"description,omitempty" yaml:"description,omitempty"`
	Type        string      `json:"type" yaml:"type"`
	Config      interface{} `json:"config,omitempty" yaml:"config,omitempty"`
	AllowFailed bool        `json:"allow_failed" yaml:"allow_failed"`
}
type requirement struct {
	On      *RequirementTrigger `json:"on" yaml:"on"`
	Appeals []*AdditionalAppeal `json:"appeals,omitempty" yaml:"appeals,omitempty"`
}
type RRequirement struct {
	requirement `yaml:",inline"`
}
type GRequirement struct {
	requirement `yaml:",inline"`
	PostHooks   []*PostAppealHook `json:"post_hooks,omitempty" yaml:"post_hooks,omitempty"`
}
type Question struct {
	Key         string `json:"key" yaml:"key"`
	Question    string `json:"question" yaml:"question"`
	Required    bool   `json:"required" yaml:"required"`
	Description string `json:"description" yaml:"description"`
}
type AppealDurationOption struct {
	Name  string `json:"name" yaml:"name"`
	Value string `json:"value" yaml:"value"`
}
type appealConfig struct {
	DurationOptions              []AppealDurationOption `json:"duration_options" yaml:"duration_options"`
	AllowOnBehalf                bool                   `json:"allow_on_behalf" yaml:"allow_on_behalf"`
	AllowPermanentAccess         bool                   `json:"allow_permanent_access" yaml:"allow_permanent_access"`
	AllowActiveAccessExtensionIn string                 `json:"allow_active_access_extension_in" yaml:"allow_active_access_extension_in"`
	Questions                    []Question             `json:"questions" yaml:"questions"`
	AllowCreatorDetailsFailure   bool                   `json:"allow_creator_details_failure" yaml:"allow_creator_details_failure"`
}
type RAppealConfig struct {
	appealConfig `yaml:",inline"`
}
type AppealMetadataSource struct {
	Name        string      `json:"name" yaml:"name"`
	Description string      `json:"description,omitempty" yaml:"description,omitempty"`
	Type        string      `json:"type" yaml:"type"`
	Config      interface{} `json:"config,omitempty" yaml:"config,omitempty"`
	Value       interface{} `json:"value" yaml:"value"`
}
type LabelMetadataConfig struct {
	Category   string                 `json:"category,omitempty" yaml:"category,omitempty"`
	Attributes map[string]interface{} `json:"attributes,omitempty" yaml:"attributes,omitempty"`
}
type LabelingRule struct {
	RuleName      string                          `json:"rule_name" yaml:"rule_name"`
	Description   string                          `json:"description" yaml:"description"`
	When          string                          `json:"when" yaml:"when"`
	Labels        map[string]string               `json:"labels" yaml:"labels"`
	LabelMetadata map[string]*LabelMetadataConfig `json:"label_metadata,omitempty" yaml:"label_metadata,omitempty"`
	Priority      int                             `json:"priority,omitempty" yaml:"priority,omitempty"`
	AllowFailure  bool                            `json:"allow_failure,omitempty" yaml:"allow_failure,omitempty"`
}
type UserLabelConfig struct {
	AllowUserLabels bool     `json:"allow_user_labels" yaml:"allow_user_labels"`
	AllowedKeys     []string `json:"allowed_keys,omitempty" yaml:"allowed_keys,omitempty"`
	RequiredKeys    []string `json:"required_keys,omitempty" yaml:"required_keys,omitempty"`
	MaxLabels       int      `json:"max_labels,omitempty" yaml:"max_labels,omitempty"`
	KeyPattern      string   `json:"key_pattern,omitempty" yaml:"key_pattern,omitempty"`
	ValuePattern    string   `json:"value_pattern,omitempty" yaml:"value_pattern,omitempty"`
	AllowOverride   bool     `json:"allow_override,omitempty" yaml:"allow_override,omitempty"`
}
type GAppealConfig struct {
	appealConfig       `yaml:",inline"`
	MetadataSources    map[string]*AppealMetadataSource `json:"metadata_sources,omitempty" yaml:"metadata_sources,omitempty"`
	TermsAndConditions string                           `json:"terms_and_conditions,omitempty" yaml:"terms_and_conditions,omitempty"`
	LabelingRules      []LabelingRule                   `json:"labeling_rules,omitempty" yaml:"labeling_rules,omitempty"`
	UserLabelConfig    *UserLabelConfig                 `json:"user_label_config,omitempty" yaml:"user_label_config,omitempty"`
}
type IAMConfig struct {
	Provider string            `json:"provider" yaml:"provider"`
	Config   interface{}       `json:"config" yaml:"config"`
	Schema   map[string]string `json:"schema" yaml:"schema"`
}
type CustomSteps struct {
	Type   string      `json:"type" yaml:"type"`
	Config interface{} `json:"config,omitempty" yaml:"config,omitempty"`
}

// policy holds the fields raystack and goto share; steps, requirements and the appeal settings
// differ in their nested fields (and goto names the appeal key `appeal`), so each dialect types them.
type policy struct {
	ID          string            `json:"id" yaml:"id"`
	Version     uint              `json:"version" yaml:"version"`
	Description string            `json:"description" yaml:"description"`
	Labels      map[string]string `json:"labels,omitempty" yaml:"labels,omitempty"`
	IAM         *IAMConfig        `json:"iam,omitempty" yaml:"iam,omitempty"`
}
type RPolicy struct {
	policy       `yaml:",inline"`
	Title        string          `json:"title" yaml:"title"`
	Steps        []*RStep        `json:"steps" yaml:"steps"`
	AppealConfig *RAppealConfig  `json:"appeal_config" yaml:"appeal_config"`
	Requirements []*RRequirement `json:"requirements,omitempty" yaml:"requirements,omitempty"`
	CreatedBy    string          `json:"created_by" yaml:"created_by"`
}
type GPolicy struct {
	policy       `yaml:",inline"`
	Stages       []string        `json:"stages,omitempty" yaml:"stages,omitempty"`
	Steps        []*GStep        `json:"steps" yaml:"steps"`
	CustomSteps  *CustomSteps    `json:"custom_steps" yaml:"custom_steps"`
	AppealConfig *GAppealConfig  `json:"appeal" yaml:"appeal"`
	Requirements []*GRequirement `json:"requirements,omitempty" yaml:"requirements,omitempty"`
}

func main() {
	dialect := os.Args[1]
	out := map[string]interface{}{}
	for _, path := range os.Args[2:] {
		b, err := os.ReadFile(path)
		if err != nil {
			panic(err)
		}
		var v interface{}
		if dialect == "goto" {
			v = &GPolicy{}
		} else {
			v = &RPolicy{}
		}
		if err := yaml.Unmarshal(b, v); err != nil {
			out[path] = map[string]string{"error": err.Error()}
			continue
		}
		out[path] = v
	}
	j, err := json.Marshal(out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(string(j))
}
