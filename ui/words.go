package ui

import "github.com/kmdash/kmdash/model"

// words is every piece of interface text in one language. Figures and
// names never live here: they come from the pack.
type words struct {
	Tabs map[model.TabID]string

	PackLabel   string
	TooSmall    string // title of the "too small" screen
	NeedSize    string // "need at least %d×%d, now %d×%d"
	Enlarge     string
	Target      string // "%d年目标": the year's target
	About       string
	Over        string
	Stated      string
	Derived     string
	Colon       string // after a label: "：" or ": "
	Hidden      string // "Yunnan Q1 4.3 lies under Kunming's point"
	TargetKind  string
	Source      string
	Sources     string
	Confirmed   string
	Region      string
	Period      string
	Value       string
	Kind        string
	Unit        string
	Measure     map[model.Measure]string
	Tab         string
	Figures     string
	Arithmetic  string // "worked back from the stated difference"
	Aside       string // a remark in brackets: "（%s）", " (%s)"
	Note        string
	Above       string // "%s above %s" pattern pieces, see comparison()
	Below       string
	PP          string // percentage points
	Season      string
	Places      string
	What        string
	Facts       string
	ThisMonth   string // "this month (%s)"
	InSeasonNow string
	Peak        string
	InSeason    string
	OffSeason   string
	MonthAxis   string
	Initiatives string
	Calendar    string

	SearchPrompt string
	NoResults    string
	SearchHint   string
	HelpTitle    string
	HelpMouse    string
	DetailHint   string

	Autoplay   string // "▶ autoplay %ds"
	Following  string
	Browsing   string // a viewer browsing alone
	Followers  string // "%d following"
	Presenting string
	More       string // the body goes on below the window
}

var zhWords = words{
	Tabs: map[model.TabID]string{
		model.Economy: "经济", model.Industry: "工业", model.Services: "服务业",
		model.Property: "房地产", model.Tourism: "文旅",
	},
	PackLabel:  "数据包",
	TooSmall:   "终端窗口太小",
	NeedSize:   "至少需要 %d×%d,当前 %d×%d",
	Enlarge:    "请放大窗口,画面会自动恢复",
	Target:     "%d年目标",
	About:      "约",
	Over:       "超过",
	Stated:     "原文",
	Derived:    "推算",
	Colon:      "：",
	Hidden:     "%s%s %s与%s的点重合",
	TargetKind: "目标",
	Source:     "来源",
	Sources:    "来源",
	Confirmed:  "另见",
	Region:     "地区",
	Period:     "期间",
	Value:      "数值",
	Kind:       "类型",
	Unit:       "单位",
	Measure: map[model.Measure]string{
		model.Level: "总量", model.YoY: "累计同比增速", model.Share: "占比", model.Count: "数量",
	},
	Tab:         "栏目",
	Figures:     "全部数据",
	Arithmetic:  "由来源给出的差值推算",
	Aside:       "（%s）",
	Note:        "说明",
	Above:       "比%s高%s",
	Below:       "比%s低%s",
	PP:          "个百分点",
	Season:      "季节",
	Places:      "地点",
	What:        "内容",
	Facts:       "数据",
	ThisMonth:   "本月（%s）",
	InSeasonNow: "本月当季",
	Peak:        "最佳",
	InSeason:    "当季",
	OffSeason:   "非当季",
	MonthAxis:   "横轴：期末月份",
	Initiatives: "特色旅游产品",
	Calendar:    "全年时令",

	SearchPrompt: "搜索指标:",
	NoResults:    "没有匹配的指标",
	SearchHint:   "输入中文、英文或拼音首字母 · ↑↓ 选择 · enter 跳转 · esc 取消",
	HelpTitle:    "按键说明",
	HelpMouse:    "鼠标:点击标签切换,点击卡片选中,滚轮滚动",
	DetailHint:   "↑↓ 滚动 · n/N 下一个/上一个指标 · esc 返回",

	Autoplay:   "▶ 自动播放 %ds",
	Following:  "跟随主讲人",
	Browsing:   "独立浏览 · f 跟随主讲人",
	Followers:  "%d 人跟随",
	Presenting: "主讲",
	More:       "↓ 下方还有",
}

var enWords = words{
	Tabs: map[model.TabID]string{
		model.Economy: "Economy", model.Industry: "Industry", model.Services: "Services",
		model.Property: "Property", model.Tourism: "Tourism",
	},
	PackLabel:  "pack",
	TooSmall:   "Terminal too small",
	NeedSize:   "need at least %d×%d, now %d×%d",
	Enlarge:    "Enlarge the window; the dashboard comes back by itself",
	Target:     "%d target",
	About:      "about ",
	Over:       "over ",
	Stated:     "stated",
	Derived:    "derived",
	Colon:      ": ",
	Hidden:     "%s %s %s lies under %s's point",
	TargetKind: "target",
	Source:     "Source",
	Sources:    "Sources",
	Confirmed:  "also",
	Region:     "Region",
	Period:     "Period",
	Value:      "Value",
	Kind:       "Kind",
	Unit:       "Unit",
	Measure: map[model.Measure]string{
		model.Level: "level", model.YoY: "cumulative growth on a year earlier", model.Share: "share", model.Count: "count",
	},
	Tab:         "Tab",
	Figures:     "Every figure",
	Arithmetic:  "worked back from the stated difference",
	Aside:       " (%s)",
	Note:        "Note",
	Above:       "%[2]s above %[1]s",
	Below:       "%[2]s below %[1]s",
	PP:          " pp",
	Season:      "Season",
	Places:      "Where",
	What:        "What",
	Facts:       "Figures",
	ThisMonth:   "this month (%s)",
	InSeasonNow: "In season now",
	Peak:        "best",
	InSeason:    "in season",
	OffSeason:   "off season",
	MonthAxis:   "x: month the period ends",
	Initiatives: "Tourism products",
	Calendar:    "Seasons",

	SearchPrompt: "Search: ",
	NoResults:    "No indicator matches",
	SearchHint:   "Chinese, English or pinyin initials · ↑↓ choose · enter jump · esc cancel",
	HelpTitle:    "Keys",
	HelpMouse:    "Mouse: click a tab to switch, a card to select it; the wheel scrolls",
	DetailHint:   "↑↓ scroll · n/N next/previous indicator · esc back",

	Autoplay:   "▶ autoplay %ds",
	Following:  "following the presenter",
	Browsing:   "browsing alone · f to follow",
	Followers:  "%d following",
	Presenting: "presenting",
	More:       "↓ more below",
}

func wordsFor(l model.Lang) *words {
	if l == model.En {
		return &enWords
	}
	return &zhWords
}
