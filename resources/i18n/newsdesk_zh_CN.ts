<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Spans</source>
        <translation>标注(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Import pages…</source>
        <translation>导入版面…</translation>
    </message>
    <message>
        <source>Import a folder of pages…</source>
        <translation>导入版面文件夹…</translation>
    </message>
    <message>
        <source>Export JSONL…</source>
        <translation>导出 JSONL…</translation>
    </message>
    <message>
        <source>Export dataset…</source>
        <translation>导出数据集…</translation>
    </message>
    <message>
        <source>Split into work packages…</source>
        <translation>拆分为工作包…</translation>
    </message>
    <message>
        <source>Merge work packages…</source>
        <translation>合并工作包…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>搜索文章</translation>
    </message>
    <message>
        <source>Next search hit</source>
        <translation>下一个搜索结果</translation>
    </message>
    <message>
        <source>Previous search hit</source>
        <translation>上一个搜索结果</translation>
    </message>
    <message>
        <source>Article history…</source>
        <translation>文章修改记录…</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
    <message>
        <source>Next span</source>
        <translation>下一个标注</translation>
    </message>
    <message>
        <source>Previous span</source>
        <translation>上一个标注</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <source>Accept span, go to the next machine span</source>
        <translation>接受此标注，转到下一个机器标注</translation>
    </message>
    <message>
        <source>Move span start left (grow)</source>
        <translation>标注起点左移（扩大）</translation>
    </message>
    <message>
        <source>Move span start right (shrink)</source>
        <translation>标注起点右移（缩小）</translation>
    </message>
    <message>
        <source>Move span end left (shrink)</source>
        <translation>标注终点左移（缩小）</translation>
    </message>
    <message>
        <source>Move span end right (grow)</source>
        <translation>标注终点右移（扩大）</translation>
    </message>
    <message>
        <source>Label all occurrences in this article</source>
        <translation>在本文中标注所有相同文字</translation>
    </message>
    <message>
        <source>Label all occurrences in the project…</source>
        <translation>在整个项目中标注所有相同文字…</translation>
    </message>
    <message>
        <source>Accept all machine spans</source>
        <translation>接受全部机器标注</translation>
    </message>
    <message>
        <source>History of this span…</source>
        <translation>此标注的修改记录…</translation>
    </message>
    <message>
        <source>Next uncertain machine span (then the next article with one)</source>
        <translation>下一个不确定的机器标注（随后到下一篇含有的文章）</translation>
    </message>
    <message>
        <source>Split article at the cursor</source>
        <translation>在光标处拆分文章</translation>
    </message>
    <message>
        <source>Merge with the next article</source>
        <translation>与下一篇文章合并</translation>
    </message>
    <message>
        <source>Merge with the previous article</source>
        <translation>与上一篇合并</translation>
    </message>
    <message>
        <source>Move paragraphs to another article…</source>
        <translation>将段落移到另一篇文章…</translation>
    </message>
    <message>
        <source>Paragraphs to caption</source>
        <translation>段落设为图片说明</translation>
    </message>
    <message>
        <source>Mark as not an article (selection, or the whole article)</source>
        <translation>标为非文章（所选段落或整篇）</translation>
    </message>
    <message>
        <source>Edit body text…</source>
        <translation>编辑正文…</translation>
    </message>
    <message>
        <source>Paragraph at the cursor to heading…</source>
        <translation>将光标所在段落设为标题…</translation>
    </message>
    <message>
        <source>Title back into the body</source>
        <translation>将标题放回正文</translation>
    </message>
    <message>
        <source>Show the page…</source>
        <translation>查看整版…</translation>
    </message>
    <message>
        <source>Restore the page&apos;s original text</source>
        <translation>恢复版面原始文字</translation>
    </message>
    <message>
        <source>Re-run extraction on this article</source>
        <translation>对本文重新抽取</translation>
    </message>
    <message>
        <source>Mark reviewed and go to next unreviewed</source>
        <translation>标为已审并转到下一篇未审</translation>
    </message>
    <message>
        <source>Reject article</source>
        <translation>退回文章</translation>
    </message>
    <message>
        <source>Set back to in review</source>
        <translation>改回审阅中</translation>
    </message>
    <message>
        <source>Next article</source>
        <translation>下一篇</translation>
    </message>
    <message>
        <source>Previous article</source>
        <translation>上一篇</translation>
    </message>
    <message>
        <source>Next unreviewed article</source>
        <translation>下一篇未审文章</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <source>Adjudicate: take the 1st editor&apos;s spans</source>
        <translation>裁定：采用第 1 位编辑的标注</translation>
    </message>
    <message>
        <source>Adjudicate: take the 2nd editor&apos;s spans</source>
        <translation>裁定：采用第 2 位编辑的标注</translation>
    </message>
    <message>
        <source>Adjudicate: take the 3rd editor&apos;s spans</source>
        <translation>裁定：采用第 3 位编辑的标注</translation>
    </message>
    <message>
        <source>Adjudicate: take the 4th editor&apos;s spans</source>
        <translation>裁定：采用第 4 位编辑的标注</translation>
    </message>
    <message>
        <source>Adjudicate: take the 5th editor&apos;s spans</source>
        <translation>裁定：采用第 5 位编辑的标注</translation>
    </message>
    <message>
        <source>Adjudicate: take both (every editor&apos;s spans)</source>
        <translation>裁定：全部采用（每位编辑的标注）</translation>
    </message>
    <message>
        <source>Adjudicate: take neither</source>
        <translation>裁定：都不采用</translation>
    </message>
    <message>
        <source>Adjudicate: next disagreement</source>
        <translation>裁定：下一处分歧</translation>
    </message>
    <message>
        <source>Adjudicate: previous disagreement</source>
        <translation>裁定：上一处分歧</translation>
    </message>
    <message>
        <source>Re-run extraction on all unreviewed articles…</source>
        <translation>对所有未审文章重新抽取…</translation>
    </message>
    <message>
        <source>Least confident first</source>
        <translation>最不确定的优先</translation>
    </message>
    <message>
        <source>Train from reviewed articles…</source>
        <translation>用已审核文章训练…</translation>
    </message>
    <message>
        <source>Project models…</source>
        <translation>项目模型…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键一览</translation>
    </message>
</context>
<context>
    <name>Adjudication</name>
    <message>
        <source>This article has nothing to adjudicate</source>
        <translation>这篇文章没有需要裁定的内容</translation>
    </message>
</context>
<context>
    <name>AdjudicationPanel</name>
    <message>
        <source>To adjudicate: %1 stretch(es) where the versions of %2 differ.</source>
        <translation>待裁定：%2 的版本有 %1 处不同。</translation>
    </message>
    <message>
        <source>Alt+B: both  Alt+0: neither  Alt+↓/↑: next/previous  Ctrl+Enter: done</source>
        <translation>Alt+B：全部  Alt+0：都不  Alt+↓/↑：下一处/上一处  Ctrl+Enter：完成</translation>
    </message>
    <message>
        <source>Not compared (changed the text): %1</source>
        <translation>未比较（改动了正文）：%1</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>both</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>都不</translation>
    </message>
</context>
<context>
    <name>AgreementTab</name>
    <message>
        <source>No article has been done by two or more editors yet: split the project into work packages with some overlap, and merge them back.</source>
        <translation>还没有由两位或更多编辑完成的文章：请将项目拆分为有重叠的工作包，完成后再合并回来。</translation>
    </message>
    <message>
        <source>%1 articles done by two or more of the editors %2.</source>
        <translation>编辑 %2 中两位或更多人完成的文章：%1 篇。</translation>
    </message>
    <message>
        <source>Editors</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>F1 (micro)</source>
        <translation>F1（微平均）</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>%1 F1</source>
        <translation>%1 F1</translation>
    </message>
    <message>
        <source>%1 kappa</source>
        <translation>%1 kappa</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>F1: spans with the same start, end and label. Kappa: Cohen&apos;s kappa per pair, over the characters&apos; labels (O outside spans).</source>
        <translation>F1：起点、终点和类别都相同的标注。Kappa：每对编辑按字符类别计算的 Cohen&apos;s kappa（标注外为 O）。</translation>
    </message>
    <message>
        <source>Overall kappa: Fleiss&apos; kappa over the %1 articles every editor did.</source>
        <translation>总体 kappa：所有编辑都完成的 %1 篇文章上的 Fleiss&apos; kappa。</translation>
    </message>
    <message>
        <source>Articles with the most disagreement</source>
        <translation>分歧最多的文章</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Spans not shared</source>
        <translation>不一致的标注</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Where it is found</source>
        <translation>出现位置</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>(cannot be read: the project file is damaged)</source>
        <translation>（无法读取：项目文件已损坏）</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Title missing</source>
        <translation>缺少标题</translation>
    </message>
    <message>
        <source>Title was printed in the wrong place</source>
        <translation>标题排在了错误的位置</translation>
    </message>
    <message>
        <source>Article cut off at the page edge</source>
        <translation>文章在版面边缘被截断</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>AuthorEditor</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Add author</source>
        <translation>添加作者</translation>
    </message>
    <message>
        <source>Remove author</source>
        <translation>删除作者</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>BodyEditorDialog</name>
    <message>
        <source>Edit text: %1</source>
        <translation>编辑正文：%1</translation>
    </message>
    <message>
        <source>Fix OCR errors and line breaks. Spans follow the edit; spans you change are marked to check.</source>
        <translation>修正识别错误和断行。标注会随编辑移动；被改动的标注会标为待核查。</translation>
    </message>
    <message>
        <source>Original page text</source>
        <translation>版面原文</translation>
    </message>
</context>
<context>
    <name>CheatSheetDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <source>Select text with the mouse or Shift+arrows, then press a label key. Right-click a span for everything it offers. Lighter spans with a dashed underline are the machine&apos;s, not yet checked. Keys marked ‘in the text’ work while the article text has the focus.</source>
        <translation>用鼠标或 Shift+方向键选中文字，再按标签键。右键点击标注可看到它的全部操作。颜色较浅、带虚线下划线的是尚未核对的机器标注。标为“正文中”的按键在正文获得焦点时有效。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Label as %1 (%2)</source>
        <translation>标为%1（%2）</translation>
    </message>
    <message>
        <source>in the text</source>
        <translation>正文中</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>任意位置</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Nothing left to label: every occurrence is labelled already</source>
        <translation>没有可标注的了：每一处都已有标注</translation>
    </message>
    <message>
        <source>The machine spans are already up to date</source>
        <translation>机器标注已是最新</translation>
    </message>
</context>
<context>
    <name>EditorNameDialog</name>
    <message>
        <source>Welcome to Newsdesk</source>
        <translation>欢迎使用 Newsdesk</translation>
    </message>
    <message>
        <source>Newsdesk records who made each change and who signed an article off. Type your name as your colleagues know it. You can change it later in Preferences (Ctrl+,).</source>
        <translation>Newsdesk 会记下每一处修改由谁做出、每篇文章由谁审定。请输入同事们熟悉的你的名字。以后可以在“偏好设置”（Ctrl+,）中修改。</translation>
    </message>
    <message>
        <source>Your name, e.g. 王小明</source>
        <translation>你的名字，例如：王小明</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export dataset</source>
        <translation>导出数据集</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Statuses (none = all)</source>
        <translation>状态（不选 = 全部）</translation>
    </message>
    <message>
        <source>comma-separated; an article needs all of them</source>
        <translation>以逗号分隔；文章须带全部标签</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Pages (none selected = all)</source>
        <translation>版面（不选 = 全部）</translation>
    </message>
    <message>
        <source>Labels (none = all)</source>
        <translation>标注类型（不选 = 全部）</translation>
    </message>
    <message>
        <source>Newsdesk JSONL: every field and span, code-point offsets (lossless)</source>
        <translation>Newsdesk JSONL：全部字段和标注，按码位计偏移（无损）</translation>
    </message>
    <message>
        <source>doccano sequence labeling JSONL (text + label), UTF-16 offsets</source>
        <translation>doccano 序列标注 JSONL（text + label），按 UTF-16 计偏移</translation>
    </message>
    <message>
        <source>Label Studio tasks JSON + labeling config, UTF-16 offsets</source>
        <translation>Label Studio 任务 JSON 及标注配置，按 UTF-16 计偏移</translation>
    </message>
    <message>
        <source>character-level IOB2 CoNLL (one character per line) for NER training</source>
        <translation>字符级 IOB2 CoNLL（每行一个字），用于训练实体识别</translation>
    </message>
    <message>
        <source>CSV table of article fields, UTF-8 with BOM for Excel</source>
        <translation>文章字段的 CSV 表格，UTF-8 带 BOM，可用 Excel 打开</translation>
    </message>
    <message>
        <source>brat standoff folder: .txt + .ann per article, annotation.conf</source>
        <translation>brat 标注文件夹：每篇文章一个 .txt 和 .ann，另有 annotation.conf</translation>
    </message>
    <message>
        <source>Only what an editor judged (human-only)</source>
        <translation>只导出编辑判断过的内容（仅人工）</translation>
    </message>
    <message>
        <source>Keeps the spans an editor made, changed, accepted or imported, and only the articles an editor judged: reviewed ones, and ones with such a span (never rejected ones). Unreviewed articles with machine spans only are left out: they would otherwise train a model that they mention no entities.</source>
        <translation>保留编辑添加、修改、接受或导入的标注，并且只导出编辑判断过的文章：已审的文章，以及带有这类标注的文章（已拒的除外）。只有机器标注的未审文章不导出：否则模型会把它们当作“没有任何实体”来学习。</translation>
    </message>
    <message>
        <source>Also export superseded page versions</source>
        <translation>同时导出已被替换的版面旧版本</translation>
    </message>
    <message>
        <source>Also every editor&apos;s version of each article (team work)</source>
        <translation>同时导出每位编辑的各篇版本（团队协作）</translation>
    </message>
    <message>
        <source>one record per article</source>
        <translation>每篇文章一条记录</translation>
    </message>
    <message>
        <source>one record per sentence</source>
        <translation>每个句子一条记录</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>记录单位</translation>
    </message>
    <message>
        <source>Split into train/dev/test (a page never spans two parts)</source>
        <translation>划分训练/验证/测试集（同一版面不跨两部分）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Ratios</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出位置</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose an output file first.</source>
        <translation>请先选择输出文件。</translation>
    </message>
    <message>
        <source>Bad export options: %1</source>
        <translation>导出选项有误：%1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exported %1 record(s), %2 span(s) to %3</source>
        <translation>已导出 %1 条记录、%2 个标注到 %3</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source> (writes a folder)</source>
        <translation>（写入文件夹）</translation>
    </message>
</context>
<context>
    <name>FieldsPanel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>电头日期</translation>
    </message>
    <message>
        <source>Dateline (ISO)</source>
        <translation>电头日期（ISO）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>A note for the team</source>
        <translation>写给团队的备注</translation>
    </message>
    <message>
        <source>Dateline date must be YYYY-MM-DD</source>
        <translation>电头日期须为 YYYY-MM-DD 格式</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新标签</translation>
    </message>
    <message>
        <source>Name of the new tag:</source>
        <translation>新标签名称：</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search title and text (Ctrl+F)</source>
        <translation>搜索标题和正文（Ctrl+F）</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>全部标签类型</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>No span selected: click a span or press Tab to reach one</source>
        <translation>没有选中标注：请点击一个标注，或按 Tab 转到标注</translation>
    </message>
    <message>
        <source>%1 「%2」</source>
        <translation>%1「%2」</translation>
    </message>
    <message>
        <source>The article already is as it was at that point</source>
        <translation>文章已是当时的样子</translation>
    </message>
    <message>
        <source>The page&apos;s articles were split, merged or moved since %1. Reverting brings the whole page back to how it was then: %2 other article(s) of the page change too and %3 edit(s) made to them since are undone. You can undo this with Ctrl+Z. Revert?</source>
        <translation>自 %1 起本版的文章有过拆分、合并或移动。恢复会把整个版面带回当时的样子：本版另有 %2 篇文章随之改变，此后对它们的 %3 次修改将被撤回。可用 Ctrl+Z 撤销。要恢复吗？</translation>
    </message>
    <message>
        <source>Revert article</source>
        <translation>恢复文章</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History: %1</source>
        <translation>修改记录：%1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>%1 (UTC)</source>
        <translation>%1（协调世界时）</translation>
    </message>
    <message>
        <source>Struck out in red: deleted. Underlined in green: inserted.</source>
        <translation>红色删除线：删去的文字。绿色下划线：加入的文字。</translation>
    </message>
    <message>
        <source>As imported (before the first recorded edit)</source>
        <translation>导入时的样子（第一次记录的修改之前）</translation>
    </message>
    <message>
        <source>Choose a change to see it in full</source>
        <translation>选择一条修改以查看全部内容</translation>
    </message>
    <message>
        <source>Revert to this point</source>
        <translation>恢复到此处</translation>
    </message>
    <message>
        <source>Put the article back as it was right after the selected edit</source>
        <translation>将文章恢复到所选修改刚完成时的样子</translation>
    </message>
</context>
<context>
    <name>HistoryPhrases</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Page “%1” imported (version %2, %3 articles)</source>
        <translation>导入版面「%1」（第 %2 版，%3 篇文章）</translation>
    </message>
    <message>
        <source>%1 set: “%2”</source>
        <translation>%1：设为「%2」</translation>
    </message>
    <message>
        <source>%1 cleared (was “%2”)</source>
        <translation>%1：清空（原为「%2」）</translation>
    </message>
    <message>
        <source>%1: “%2” → “%3”</source>
        <translation>%1：「%2」 → 「%3」</translation>
    </message>
    <message>
        <source>; no longer flagged: %1</source>
        <translation>；不再标记：%1</translation>
    </message>
    <message>
        <source>; flagged: %1</source>
        <translation>；标记为：%1</translation>
    </message>
    <message>
        <source>Authors: %1 → %2</source>
        <translation>作者：%1 → %2</translation>
    </message>
    <message>
        <source>Body text edited: %1 characters inserted, %2 deleted</source>
        <translation>正文修改：插入 %1 字，删除 %2 字</translation>
    </message>
    <message>
        <source>“%1” labelled %2</source>
        <translation>「%1」 标为%2</translation>
    </message>
    <message>
        <source>“%1” → “%2”</source>
        <translation>「%1」 → 「%2」</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>“%3” %1 → %2</source>
        <translation>「%3」 %1 → %2</translation>
    </message>
    <message>
        <source>value %1 → %2</source>
        <translation>规范值 %1 → %2</translation>
    </message>
    <message>
        <source>“%3” value %1 → %2</source>
        <translation>「%3」 规范值 %1 → %2</translation>
    </message>
    <message>
        <source>“%1” marked to check</source>
        <translation>「%1」 标为待核对</translation>
    </message>
    <message>
        <source>“%1” checked</source>
        <translation>「%1」 已核对</translation>
    </message>
    <message>
        <source>“%1” accepted (%2)</source>
        <translation>接受机器标注「%1」（%2）</translation>
    </message>
    <message>
        <source>“%1” back to the machine&apos;s suggestion</source>
        <translation>「%1」 退回为机器标注</translation>
    </message>
    <message>
        <source>“%1” unchanged</source>
        <translation>「%1」 未改变</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>“%1” (%2) deleted</source>
        <translation>删除标注「%1」（%2）</translation>
    </message>
    <message>
        <source>Machine spans accepted (%1)</source>
        <translation>接受机器标注（%1 个）</translation>
    </message>
    <message>
        <source>Status: %1 → %2</source>
        <translation>状态：%1 → %2</translation>
    </message>
    <message>
        <source>Tags: added %1; removed %2</source>
        <translation>标签：添加 %1；移除 %2</translation>
    </message>
    <message>
        <source>Tags: added %1</source>
        <translation>标签：添加 %1</translation>
    </message>
    <message>
        <source>Tags: removed %1</source>
        <translation>标签：移除 %1</translation>
    </message>
    <message>
        <source>Tag “%1” added to the list of tags</source>
        <translation>新建标签「%1」</translation>
    </message>
    <message>
        <source>Article split: a new article begins at “%1”</source>
        <translation>拆分文章：新文章从「%1」开始</translation>
    </message>
    <message>
        <source>Articles merged: “%1” appended</source>
        <translation>合并文章：并入「%1」</translation>
    </message>
    <message>
        <source>Paragraph made the %1: “%2”</source>
        <translation>段落改为%1：「%2」</translation>
    </message>
    <message>
        <source>%1 “%2” put back into the body</source>
        <translation>%1「%2」放回正文</translation>
    </message>
    <message>
        <source>Page segmentation restored (undo or redo of a split, merge or move)</source>
        <translation>恢复版面切分（撤销或重做拆分、合并、移动）</translation>
    </message>
    <message>
        <source>Reverted to the article as imported (%1 edits undone)</source>
        <translation>恢复到导入时的样子（撤回 %1 次修改）</translation>
    </message>
    <message>
        <source>Reverted to how it was at %1 (%2 edits undone)</source>
        <translation>恢复到 %1 时的样子（撤回 %2 次修改）</translation>
    </message>
    <message>
        <source>Paragraphs moved to another article: “%1”</source>
        <translation>段落移到另一篇文章：「%1」</translation>
    </message>
    <message>
        <source>Made a caption: “%1”</source>
        <translation>设为图片说明：「%1」</translation>
    </message>
    <message>
        <source>Article marked as not an article</source>
        <translation>整篇标为非文章</translation>
    </message>
    <message>
        <source>Paragraphs marked as not an article: “%1”</source>
        <translation>段落标为非文章：「%1」</translation>
    </message>
    <message>
        <source>Article made from a block of the page: “%1”</source>
        <translation>由版面上的文字块新建文章：「%1」</translation>
    </message>
    <message>
        <source>Block of the page made a caption: “%1”</source>
        <translation>版面上的文字块设为图片说明：「%1」</translation>
    </message>
    <message>
        <source>Extraction re-run: %1 machine spans replaced by %2</source>
        <translation>重新抽取：%1 个机器标注换为 %2 个</translation>
    </message>
    <message>
        <source>Change “%1”</source>
        <translation>修改（%1）</translation>
    </message>
    <message>
        <source>Work package merged: %1&apos;s version taken</source>
        <translation>已合并工作包：采用 %1 的版本</translation>
    </message>
    <message>
        <source>Work packages merged: the versions of %1 differ, to adjudicate</source>
        <translation>已合并工作包：%1 的版本不同，待裁定</translation>
    </message>
    <message>
        <source>Adjudicated the versions of %1: reviewed</source>
        <translation>已裁定 %1 的版本：已审核</translation>
    </message>
    <message>
        <source>Adjudication reopened</source>
        <translation>重新开启裁定</translation>
    </message>
    <message>
        <source> (in %1 articles)</source>
        <translation>（共 %1 篇文章）</translation>
    </message>
    <message>
        <source> (and %1 more changes)</source>
        <translation>（另有 %1 处修改）</translation>
    </message>
</context>
<context>
    <name>Interaction</name>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Newsdesk projects (*.sqlite *.db);;All files (*)</source>
        <translation>Newsdesk 项目 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Newsdesk projects (*.sqlite)</source>
        <translation>Newsdesk 项目 (*.sqlite)</translation>
    </message>
    <message>
        <source>Import pages</source>
        <translation>导入版面</translation>
    </message>
    <message>
        <source>Page text (*.txt *.md);;All files (*)</source>
        <translation>版面文本 (*.txt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a folder of pages</source>
        <translation>导入版面文件夹</translation>
    </message>
    <message>
        <source>Merge work packages</source>
        <translation>合并工作包</translation>
    </message>
    <message>
        <source>Export JSONL</source>
        <translation>导出 JSONL</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
</context>
<context>
    <name>LabelAll</name>
    <message>
        <source>Label all occurrences</source>
        <translation>标注所有相同文字</translation>
    </message>
    <message>
        <source>Label every 「%1」 as:</source>
        <translation>把每一处「%1」标为：</translation>
    </message>
    <message>
        <source>Select some text or click a span first, then label all its occurrences</source>
        <translation>请先选中一段文字或点击一个标注，再标注所有相同文字</translation>
    </message>
    <message>
        <source>Every “%1” in this article is labelled already</source>
        <translation>本文中每一处“%1”都已有标注</translation>
    </message>
    <message>
        <source>Label %1 occurrences of “%2” in this article as %3?</source>
        <translation>把本文中 %1 处“%2”标为%3？</translation>
    </message>
    <message>
        <source>Labelled %1 occurrences of “%2” as %3 in %4 articles (Ctrl+Z undoes all of them)</source>
        <translation>已在 %4 篇文章中把 %1 处“%2”标为%3（按 Ctrl+Z 可全部撤销）</translation>
    </message>
    <message>
        <source>%1 skipped: a span was made there meanwhile.</source>
        <translation>跳过 %1 处：那里已有新的标注。</translation>
    </message>
</context>
<context>
    <name>LabelAllDialog</name>
    <message>
        <source>Label all occurrences</source>
        <translation>标注所有相同文字</translation>
    </message>
    <message>
        <source>Every occurrence of 「%1」 in articles not yet reviewed that no span covers yet. Untick the ones that are not meant (Space), then press Enter.</source>
        <translation>以下是尚未审定的文章中、还没有标注覆盖的每一处「%1」。取消勾选不该标注的（空格键），然后按回车。</translation>
    </message>
    <message>
        <source>Label as:</source>
        <translation>标为：</translation>
    </message>
    <message>
        <source>Choose a label (keys 1–7)</source>
        <translation>选择标签（按键 1–7）</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>全部勾选</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Searching… %1 of %2 articles read; %3 occurrences so far</source>
        <translation>正在查找…已读 %1 / %2 篇文章，已找到 %3 处</translation>
    </message>
    <message>
        <source>No occurrence is left to label: each one is labelled already, or in a reviewed article.</source>
        <translation>没有可标注的：每一处都已有标注，或在已审定的文章中。</translation>
    </message>
    <message>
        <source>%1 occurrences in %2 articles; %3 ticked.</source>
        <translation>共 %1 处，分布在 %2 篇文章中；已勾选 %3 处。</translation>
    </message>
    <message>
        <source>%1 reviewed or rejected articles that contain it are left as they are.</source>
        <translation>另有 %1 篇已审或已退回的文章包含它，保持不变。</translation>
    </message>
    <message>
        <source>Label %1 ticked</source>
        <translation>标注勾选的 %1 处</translation>
    </message>
</context>
<context>
    <name>LabelLegend</name>
    <message>
        <source>Press %1 to give the selected text this label</source>
        <translation>按 %1 给选中文字加上此标签</translation>
    </message>
</context>
<context>
    <name>LearningBox</name>
    <message>
        <source>How the machine learns from the editors (reviewed articles)</source>
        <translation>机器如何从编辑那里学习（已审核文章）</translation>
    </message>
    <message>
        <source>shipped model</source>
        <translation>内置模型</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>Machine precision (%), per label and model</source>
        <translation>机器准确率（%），按类别和模型</translation>
    </message>
    <message>
        <source>Machine recall (%), per label and model</source>
        <translation>机器召回率（%），按类别和模型</translation>
    </message>
    <message>
        <source>Editor changes per 100 reviewed articles, by day (articles)</source>
        <translation>每 100 篇已审核文章的编辑改动，按日（文章数）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Adjudication: the editors&apos; versions</source>
        <translation>裁定：各编辑的版本</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>最近的项目</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>That span no longer exists: it was deleted or changed meanwhile. Choose the span again.</source>
        <translation>这个标注已不存在：它已被删除或修改。请重新选择标注。</translation>
    </message>
    <message>
        <source>That page is no longer in the project. Choose another article in the list.</source>
        <translation>这个版面已不在项目中。请在列表中选择其他文章。</translation>
    </message>
    <message>
        <source>That article no longer exists (it was merged, split or removed). Choose another article in the list.</source>
        <translation>这篇文章已不存在（已被合并、拆分或删除）。请在列表中选择其他文章。</translation>
    </message>
    <message>
        <source>「%1」 overlaps the existing %2 span 「%3」: delete or adjust that span first.</source>
        <translation>「%1」与已有的“%2”标注「%3」重叠：先删除或调整它。</translation>
    </message>
    <message>
        <source>There is no label “%1”: use the label keys 1–7.</source>
        <translation>没有“%1”这个标签：请用标签键 1–7。</translation>
    </message>
    <message>
        <source>A span cannot be empty or go past the end of the text: select text inside the article.</source>
        <translation>标注不能为空，也不能超出正文：请在文章内选中文字。</translation>
    </message>
    <message>
        <source>The span could not be restored because the project changed meanwhile. Reopen the article and label it again.</source>
        <translation>项目已有改动，这个标注无法恢复。请重新打开文章再标注一次。</translation>
    </message>
    <message>
        <source>The span could not be saved. Reopen the article and try again.</source>
        <translation>标注未能保存。请重新打开文章再试。</translation>
    </message>
    <message>
        <source>That field cannot be edited here.</source>
        <translation>这个字段不能在这里修改。</translation>
    </message>
    <message>
        <source>That field takes text: type it again.</source>
        <translation>这个字段只接受文字：请重新输入。</translation>
    </message>
    <message>
        <source>The text could not be saved: edit it again (F2).</source>
        <translation>正文未能保存：请再编辑一次（F2）。</translation>
    </message>
    <message>
        <source>An author needs a name: type the name, or delete the row.</source>
        <translation>作者需要姓名：请输入姓名，或删除这一行。</translation>
    </message>
    <message>
        <source>“%1” is not an author role: choose 记者, 特约记者, 实习记者, 通讯员 or 作者.</source>
        <translation>“%1”不是作者身份：请选择记者、特约记者、实习记者、通讯员或作者。</translation>
    </message>
    <message>
        <source>That status does not exist: use the Review menu.</source>
        <translation>没有这个状态：请使用“审阅”菜单。</translation>
    </message>
    <message>
        <source>A tag needs a name: type one.</source>
        <translation>标签需要名称：请输入一个。</translation>
    </message>
    <message>
        <source>Put the cursor inside the text where the new article should begin (not at its very start or end), then split.</source>
        <translation>请把光标放在正文中新文章开始的地方（不要在最开头或最末尾），再拆分。</translation>
    </message>
    <message>
        <source>A split must leave text on both sides: put the cursor between two paragraphs.</source>
        <translation>拆分后两边都要有文字：请把光标放在两段之间。</translation>
    </message>
    <message>
        <source>An article cannot be merged with itself: open the article before or after it.</source>
        <translation>文章不能与自身合并：请打开它前面或后面的文章。</translation>
    </message>
    <message>
        <source>Only articles of the same page can be merged: look at the page (Ctrl+Shift+P) to see which articles belong together.</source>
        <translation>只能合并同一版面的文章：请查看版面（Ctrl+Shift+P），看看哪些文章属于同一篇。</translation>
    </message>
    <message>
        <source>Only an article and the one right after it on the page can be merged: open the first of the two.</source>
        <translation>只能合并一篇文章和版面上紧随其后的那篇：请打开两篇中靠前的一篇。</translation>
    </message>
    <message>
        <source>Put the cursor in a paragraph of the text first.</source>
        <translation>请先把光标放在正文的某一段中。</translation>
    </message>
    <message>
        <source>A paragraph can only become the title, kicker or subtitle.</source>
        <translation>段落只能设为标题、引题或副题。</translation>
    </message>
    <message>
        <source>The chosen paragraphs hold no text: put the cursor in a paragraph with text.</source>
        <translation>所选段落没有文字：请把光标放在有文字的段落中。</translation>
    </message>
    <message>
        <source>The chosen paragraphs hold %1 checked span(s), such as the %2 span 「%3」: delete them first, or edit the text (F2).</source>
        <translation>所选段落中有 %1 个已核对的标注，例如“%2”标注「%3」：请先删除它们，或直接编辑正文（F2）。</translation>
    </message>
    <message>
        <source>The %1 is empty: there is nothing to put back into the text.</source>
        <translation>%1是空的：没有可放回正文的内容。</translation>
    </message>
    <message>
        <source>This article has no page text to restore it from (it was made from edited text).</source>
        <translation>这篇文章没有可用来恢复的版面原文（它是由编辑过的文字生成的）。</translation>
    </message>
    <message>
        <source>The page could not be put back: the project changed meanwhile. Reopen the article.</source>
        <translation>版面无法恢复：项目已有改动。请重新打开文章。</translation>
    </message>
    <message>
        <source>This cannot be undone any more: the page&apos;s articles changed since. Use the article&apos;s history (Ctrl+H) instead.</source>
        <translation>已无法撤销：此后版面上的文章有过改动。请改用文章的修改记录（Ctrl+H）。</translation>
    </message>
    <message>
        <source>The %1 span 「%2」 crosses the edge of the chosen paragraphs: shorten or delete it first.</source>
        <translation>“%1”标注「%2」跨出了所选段落的边界：请先缩短或删除它。</translation>
    </message>
    <message>
        <source>Choose another article to move the paragraphs to.</source>
        <translation>请选择另一篇文章作为段落的去处。</translation>
    </message>
    <message>
        <source>Paragraphs can only move to an article of the same page.</source>
        <translation>段落只能移到同一版面的文章中。</translation>
    </message>
    <message>
        <source>These are all the paragraphs of the article: merge the two articles instead (Ctrl+Shift+M or Ctrl+Alt+M).</source>
        <translation>这已是文章的全部段落：请改为合并两篇文章（Ctrl+Shift+M 或 Ctrl+Alt+M）。</translation>
    </message>
    <message>
        <source>A caption cannot take the whole text: mark the article as not an article instead (Ctrl+Alt+N).</source>
        <translation>图片说明不能占用全部正文：请改为把它标为“不是文章”（Ctrl+Alt+N）。</translation>
    </message>
    <message>
        <source>Those are all the paragraphs: to mark the whole article, press Ctrl+Alt+N with nothing selected.</source>
        <translation>这已是全部段落：要标记整篇文章，请在不选中任何文字时按 Ctrl+Alt+N。</translation>
    </message>
    <message>
        <source>%1 checked span(s) would be removed: delete them first, or confirm that they may go.</source>
        <translation>会删除 %1 个已核对的标注：请先删除它们，或确认可以删除。</translation>
    </message>
    <message>
        <source>Select whole paragraphs of the text, or put the cursor in one.</source>
        <translation>请选中正文中的整段文字，或把光标放在某一段中。</translation>
    </message>
    <message>
        <source>That block is no longer on the page: open the page view again (Ctrl+Shift+P).</source>
        <translation>这个文字块已不在版面上：请重新打开版面视图（Ctrl+Shift+P）。</translation>
    </message>
    <message>
        <source>That block holds no text.</source>
        <translation>这个文字块没有文字。</translation>
    </message>
    <message>
        <source>A block can only become a caption of an article of its own page.</source>
        <translation>文字块只能设为同一版面上文章的图片说明。</translation>
    </message>
    <message>
        <source>The block&apos;s spans could not be placed; the article was not made. Open the page view again.</source>
        <translation>文字块的标注无法放置，文章没有生成。请重新打开版面视图。</translation>
    </message>
    <message>
        <source>This article is reviewed: its spans stay as signed off. Set it back to in review (Ctrl+Shift+U) to re-run extraction.</source>
        <translation>这篇文章已审定：标注保持审定时的样子。如需重新抽取，请先改回审阅中（Ctrl+Shift+U）。</translation>
    </message>
    <message>
        <source>That point cannot be restored: the edits before it were made with an older Newsdesk. Choose a later point.</source>
        <translation>无法恢复到这一时刻：之前的修改是用旧版 Newsdesk 做的。请选择较晚的时刻。</translation>
    </message>
    <message>
        <source>This cannot be undone: a later change that is still in effect depends on it (「%1」). Undo that change first, or use the article&apos;s history (Ctrl+H).</source>
        <translation>无法撤销：此后还有一处仍然有效的修改以它为基础（「%1」）。请先撤销那处修改，或改用文章的修改记录（Ctrl+H）。</translation>
    </message>
    <message>
        <source>This cannot be undone any more: the article was changed in another way since. Use the article&apos;s history (Ctrl+H) instead.</source>
        <translation>已无法撤销：此后文章以别的方式改动过。请改用文章的修改记录（Ctrl+H）。</translation>
    </message>
    <message>
        <source>This change cannot be undone here: it was not recorded for undo. Use the article&apos;s history (Ctrl+H) instead.</source>
        <translation>这处修改无法在此撤销：没有为撤销记录它。请改用文章的修改记录（Ctrl+H）。</translation>
    </message>
    <message>
        <source>This change was already undone or redone elsewhere; nothing was changed.</source>
        <translation>这处修改已在别处撤销或重做，未作任何改动。</translation>
    </message>
    <message>
        <source>A work package file is already there: choose an empty folder.</source>
        <translation>该处已有工作包文件：请选择一个空文件夹。</translation>
    </message>
    <message>
        <source>Not merged: the package was saved by a newer Newsdesk. Update Newsdesk, then merge it again.</source>
        <translation>未合并：该工作包由更新版本的 Newsdesk 保存。请更新 Newsdesk 后再合并。</translation>
    </message>
    <message>
        <source>Not merged: the file is not a Newsdesk project.</source>
        <translation>未合并：该文件不是 Newsdesk 项目。</translation>
    </message>
    <message>
        <source>Not merged: the file is a Newsdesk project, but not a work package (File &gt; Split into work packages makes them).</source>
        <translation>未合并：该文件是 Newsdesk 项目，但不是工作包（用“文件 &gt; 拆分为工作包”生成）。</translation>
    </message>
    <message>
        <source>Not merged: the package was made from another project. Open that project to merge it.</source>
        <translation>未合并：该工作包来自另一个项目。请打开那个项目再合并。</translation>
    </message>
    <message>
        <source>This article is not marked to adjudicate.</source>
        <translation>这篇文章没有标记为待裁定。</translation>
    </message>
    <message>
        <source>The project is open read-only, so changes cannot be saved. Close it in the other window or program, then open it again.</source>
        <translation>项目以只读方式打开，修改无法保存。请在另一个窗口或程序中关闭它，再重新打开。</translation>
    </message>
    <message>
        <source>No project is open: open one (Ctrl+O) or create one (Ctrl+N).</source>
        <translation>没有打开的项目：请打开一个（Ctrl+O）或新建一个（Ctrl+N）。</translation>
    </message>
    <message>
        <source>The file cannot be read (%1): check that it exists and that you may read it.</source>
        <translation>文件无法读取（%1）：请确认文件存在且你有读取权限。</translation>
    </message>
    <message>
        <source>The project&apos;s folder cannot be written to: copy the project to a folder of your own and open it there.</source>
        <translation>无法写入项目所在的文件夹：请把项目复制到你自己的文件夹中再打开。</translation>
    </message>
    <message>
        <source>This file is not a Newsdesk project: choose a .sqlite project file.</source>
        <translation>这不是 Newsdesk 项目文件：请选择一个 .sqlite 项目文件。</translation>
    </message>
    <message>
        <source>This project was saved by a newer Newsdesk: update Newsdesk to open it. The file was not changed.</source>
        <translation>这个项目是由更新版本的 Newsdesk 保存的：请升级 Newsdesk 后再打开。文件没有被改动。</translation>
    </message>
    <message>
        <source>There is no project at that place: choose another file, or create a new project (Ctrl+N).</source>
        <translation>那里没有项目：请选择其他文件，或新建项目（Ctrl+N）。</translation>
    </message>
    <message>
        <source>This project uses an older format: open it once normally to upgrade it (a backup copy is kept).</source>
        <translation>这个项目使用旧格式：请正常打开一次以升级（会保留一份备份）。</translation>
    </message>
    <message>
        <source>The folder does not exist: choose another place.</source>
        <translation>文件夹不存在：请选择其他位置。</translation>
    </message>
    <message>
        <source>The project is open in another Newsdesk window or program: close it there, or open it read-only.</source>
        <translation>项目已在另一个 Newsdesk 窗口或程序中打开：请在那里关闭它，或以只读方式打开。</translation>
    </message>
    <message>
        <source>The project is busy: another program is writing to it. Try again in a moment.</source>
        <translation>项目正忙：另一个程序正在写入。请稍后再试。</translation>
    </message>
    <message>
        <source>The disk is full, so the last change was not saved: free some space and do it again.</source>
        <translation>磁盘已满，刚才的修改没有保存：请腾出空间后再做一次。</translation>
    </message>
    <message>
        <source>The project file is damaged: open the backup copy (.bak) beside it, or a copy you saved.</source>
        <translation>项目文件已损坏：请打开旁边的备份（.bak），或你保存的副本。</translation>
    </message>
    <message>
        <source>The project file cannot be read or written (a disk or permission problem): check the disk and try again.</source>
        <translation>项目文件无法读写（磁盘或权限问题）：请检查磁盘后再试。</translation>
    </message>
    <message>
        <source>The project file is damaged; nothing was written to it. Restore it from a backup copy (a .bak beside it, if there is one); meanwhile it can be opened read-only.</source>
        <translation>项目文件已损坏，没有写入任何内容。请用备份恢复（旁边如有 .bak 文件即是）；在此之前可以只读方式打开。</translation>
    </message>
    <message>
        <source>The project cannot be read here: its folder is read-only and recent changes are still in its -wal file. Make the folder writable, or copy the project together with its -wal file to a folder of your own.</source>
        <translation>无法在这里读取项目：所在文件夹是只读的，而最近的修改还在它的 -wal 文件中。请让文件夹可写，或把项目连同 -wal 文件一起复制到你自己的文件夹中。</translation>
    </message>
    <message>
        <source>The project file is read-only, so changes cannot be saved. Make it writable, or open it read-only.</source>
        <translation>项目文件是只读的，修改无法保存。请让它可写，或以只读方式打开。</translation>
    </message>
    <message>
        <source>The project&apos;s folder is read-only, so changes cannot be saved there. Make the folder writable, or copy the project to a folder of your own; opening it read-only works as it is.</source>
        <translation>项目所在的文件夹是只读的，修改无法保存在那里。请让文件夹可写，或把项目复制到你自己的文件夹中；以只读方式打开不受影响。</translation>
    </message>
    <message>
        <source>The change could not be saved. Try again; if it keeps failing, the log has the details.</source>
        <translation>修改未能保存。请再试一次；如果仍然失败，详情见日志。</translation>
    </message>
    <message>
        <source>Something went wrong; the log has the details.</source>
        <translation>出了点问题，详情见日志。</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Project models</source>
        <translation>项目模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Trained (UTC)</source>
        <translation>训练时间（UTC）</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Cross-validated F1</source>
        <translation>交叉验证 F1</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Use the shipped model</source>
        <translation>使用内置模型</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>%1 (in use)</source>
        <translation>%1（使用中）</translation>
    </message>
    <message>
        <source>In use: model %1</source>
        <translation>使用中：模型 %1</translation>
    </message>
    <message>
        <source>In use: the shipped model</source>
        <translation>使用中：内置模型</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete model %1? It cannot be brought back.</source>
        <translation>删除模型 %1？删除后无法恢复。</translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>After</source>
        <translation>后文</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>PageViewDialog</name>
    <message>
        <source>Page: %1</source>
        <translation>版面：%1</translation>
    </message>
    <message>
        <source>Orange: this article. Blue and green: the other articles. Grey: not in any article. The margin names each line&apos;s role and numbers each article where it starts. Click an article to open it; right-click a band, or put the cursor in it, for more.</source>
        <translation>橙色：本文。蓝色和绿色：其他文章。灰色：不属于任何文章。左侧页边注明每行的角色，并在每篇文章开始处标出编号。单击文章可打开；右键单击色带或将光标置于其中可进行更多操作。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Mark as not an article</source>
        <translation>标为非文章</translation>
    </message>
    <message>
        <source>Make an article from this block</source>
        <translation>由此版块新建文章</translation>
    </message>
    <message>
        <source>Caption of this article</source>
        <translation>作为本文的图片说明</translation>
    </message>
    <message>
        <source>The grey block becomes a caption of the article shown in orange</source>
        <translation>灰色版块成为橙色所示文章的图片说明</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Editor name</source>
        <translation>编辑姓名</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Machine spans the model is less sure of than this are underlined with a wave, listed first, and reached with F8</source>
        <translation>模型把握低于此值的机器标注用波浪线标出、排在列表前面，可用 F8 跳转</translation>
    </message>
    <message>
        <source>Uncertain below</source>
        <translation>不确定阈值</translation>
    </message>
    <message>
        <source>Language and font size apply the next time Newsdesk starts.</source>
        <translation>界面语言和字号在下次启动 Newsdesk 时生效。</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <source>Upgrading the project to this version&apos;s format (a backup copy is kept)…</source>
        <translation>正在将项目升级为此版本的格式（已保留备份副本）…</translation>
    </message>
    <message>
        <source>Checking the project file (it was not closed cleanly last time)…</source>
        <translation>正在检查项目文件（上次未正常关闭）…</translation>
    </message>
    <message>
        <source>Project in use</source>
        <translation>项目正被使用</translation>
    </message>
    <message>
        <source>%1

The project is open in another window or program. Open it read-only?</source>
        <translation>%1

该项目已在另一个窗口或程序中打开。以只读方式打开吗？</translation>
    </message>
    <message>
        <source>Cannot save changes to this project</source>
        <translation>无法保存对该项目的更改</translation>
    </message>
    <message>
        <source>%1

Open it read-only?</source>
        <translation>%1

以只读方式打开吗？</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>%1 exists. Open it instead?</source>
        <translation>%1 已存在。改为打开它吗？</translation>
    </message>
    <message>
        <source>Open or create a project first</source>
        <translation>请先打开或新建项目</translation>
    </message>
    <message>
        <source>Importing pages…</source>
        <translation>正在导入版面…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Imported %1 new pages (%2 articles); %3 unchanged; %4 skipped</source>
        <translation>已导入 %1 个新版面（%2 篇文章）；%3 个未变；%4 个跳过</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>部分文件未导入</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>Reextraction</name>
    <message>
        <source>The project is open read-only</source>
        <translation>项目以只读方式打开</translation>
    </message>
    <message>
        <source>This article is reviewed: its spans stay as signed off. Set it back to in review to re-run extraction.</source>
        <translation>本文已审：其标注保持审定时的样子。请先设回“审阅中”再重新抽取。</translation>
    </message>
    <message>
        <source>Re-ran extraction: %1 machine spans removed, %2 added</source>
        <translation>已重新抽取：删除 %1 个机器标注，新增 %2 个</translation>
    </message>
    <message>
        <source>(%1 skipped: they overlap your spans)</source>
        <translation>（跳过 %1 个：与您的标注重叠）</translation>
    </message>
    <message>
        <source>Extraction is already being re-run</source>
        <translation>已在重新抽取中</translation>
    </message>
    <message>
        <source>Every article is reviewed or rejected: nothing to re-extract</source>
        <translation>所有文章均已审或已退回：无需重新抽取</translation>
    </message>
    <message>
        <source>Re-run entity extraction on %1 articles that are not reviewed or rejected?

Their machine spans are replaced; spans you made or imported stay. You can undo it in one step.</source>
        <translation>对 %1 篇未审且未退回的文章重新进行实体抽取？

它们的机器标注将被替换；您创建或导入的标注保留。可一步撤销。</translation>
    </message>
    <message>
        <source>Re-run extraction</source>
        <translation>重新抽取</translation>
    </message>
    <message>
        <source>Re-running extraction…</source>
        <translation>正在重新抽取…</translation>
    </message>
    <message>
        <source>Re-ran extraction on %1 articles: %2 changed, %3 machine spans removed, %4 added</source>
        <translation>已对 %1 篇文章重新抽取：%2 篇有变化，删除 %3 个机器标注，新增 %4 个</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1 articles could not be re-extracted; their spans are as they were. The log has the details. %2</source>
        <translation>有 %1 篇文章未能重新抽取，它们的标注保持原样，详情见日志。%2</translation>
    </message>
    <message>
        <source>The re-extraction stopped before the end: what was done is saved (Ctrl+Z undoes it). Try again; the log has the details.</source>
        <translation>重新抽取没有做完就停止了：已完成的部分已保存（按 Ctrl+Z 可撤销）。请再试一次，详情见日志。</translation>
    </message>
    <message>
        <source>The re-extraction stopped with an error. Articles finished before it keep their new machine spans; spans you made are never touched. Try again; the log has the details.</source>
        <translation>重新抽取因出错而停止。出错前已完成的文章保留新的机器标注；你做的标注不会被改动。请再试一次，详情见日志。</translation>
    </message>
    <message>
        <source>Some articles were not re-extracted</source>
        <translation>部分文章未能重新抽取</translation>
    </message>
    <message>
        <source>Re-running extraction failed</source>
        <translation>重新抽取失败</translation>
    </message>
</context>
<context>
    <name>ReviewFlow</name>
    <message>
        <source>Every article in the list has been reviewed</source>
        <translation>列表中的文章都已审阅</translation>
    </message>
</context>
<context>
    <name>RoleMargin</name>
    <message>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Sub-head</source>
        <translation>小标题</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Continued</source>
        <translation>转版</translation>
    </message>
    <message>
        <source>Banner</source>
        <translation>栏题</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>杂项</translation>
    </message>
    <message>
        <source>Not an article</source>
        <translation>非文章</translation>
    </message>
    <message>
        <source>%1 — not in any article</source>
        <translation>%1 — 不属于任何文章</translation>
    </message>
    <message>
        <source>Article %1: %2</source>
        <translation>文章 %1：%2</translation>
    </message>
    <message>
        <source> (the article starts here)</source>
        <translation>（文章从此处开始）</translation>
    </message>
</context>
<context>
    <name>SearchFlow</name>
    <message>
        <source>%1 articles</source>
        <translation>%1 篇文章</translation>
    </message>
    <message>
        <source>%1+ articles (counting…)</source>
        <translation>%1+ 篇文章（计数中…）</translation>
    </message>
    <message>
        <source>hit %1 of %2 here</source>
        <translation>本文第 %1/%2 处</translation>
    </message>
    <message>
        <source>%1 here</source>
        <translation>本文 %1 处</translation>
    </message>
    <message>
        <source>Search first (Ctrl+F), then F3 goes from hit to hit</source>
        <translation>请先搜索（Ctrl+F），之后按 F3 逐个跳到搜索结果</translation>
    </message>
    <message>
        <source>No article contains “%1”</source>
        <translation>没有文章包含“%1”</translation>
    </message>
    <message>
        <source>“%1” is in the title of this article</source>
        <translation>“%1”出现在这篇文章的标题中</translation>
    </message>
    <message>
        <source>Search went round: back at the first article of the list</source>
        <translation>已搜索到末尾，从列表的第一篇文章重新开始</translation>
    </message>
    <message>
        <source>Search went round: back at the last article of the list</source>
        <translation>已搜索到开头，从列表的最后一篇文章重新开始</translation>
    </message>
</context>
<context>
    <name>SegmentEditing</name>
    <message>
        <source>Put the cursor where the new article should begin</source>
        <translation>请把光标放在新文章开始的位置</translation>
    </message>
    <message>
        <source>This is the last article of its page</source>
        <translation>这是本版最后一篇文章</translation>
    </message>
    <message>
        <source>The body cannot be empty</source>
        <translation>正文不能为空</translation>
    </message>
    <message>
        <source>The body is already the page&apos;s original text</source>
        <translation>正文已是版面原始文字</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>Paragraph to heading</source>
        <translation>段落设为标题</translation>
    </message>
    <message>
        <source>Make the paragraph at the cursor the:</source>
        <translation>将光标所在段落设为：</translation>
    </message>
    <message>
        <source>The article has no title</source>
        <translation>这篇文章没有标题</translation>
    </message>
    <message>
        <source>This is the first article of its page</source>
        <translation>这是本版第一篇文章</translation>
    </message>
    <message>
        <source>This is the only article of its page</source>
        <translation>这是本版唯一的文章</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Move paragraphs</source>
        <translation>移动段落</translation>
    </message>
    <message>
        <source>Move the chosen paragraphs to the article:</source>
        <translation>将所选段落移到文章：</translation>
    </message>
    <message>
        <source>Not an article</source>
        <translation>非文章</translation>
    </message>
    <message>
        <source>%1 checked spans will be removed; continue?</source>
        <translation>将删除 %1 个已核对的标注，继续吗？</translation>
    </message>
    <message>
        <source>That block holds no text</source>
        <translation>该版块没有文字</translation>
    </message>
</context>
<context>
    <name>SpanEditing</name>
    <message>
        <source>Select some text (mouse or Shift+arrows) or click a span first, then press a label key</source>
        <translation>请先选中文字（鼠标或 Shift+方向键）或点击一个标注，再按标签键</translation>
    </message>
    <message>
        <source>No span selected: click a span or press Tab to reach one</source>
        <translation>没有选中标注：请点击一个标注，或按 Tab 转到标注</translation>
    </message>
    <message>
        <source>Every span of this article is checked</source>
        <translation>本文的每个标注都已核对</translation>
    </message>
    <message>
        <source>A span cannot be empty or go past the end of the text</source>
        <translation>标注不能为空，也不能超出正文</translation>
    </message>
    <message>
        <source>No machine spans left to accept</source>
        <translation>没有待接受的机器标注</translation>
    </message>
    <message>
        <source>Label as</source>
        <translation>标为</translation>
    </message>
    <message>
        <source>Change label to</source>
        <translation>改标为</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>规范值</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>machine, uncertain: the model gives it %1%</source>
        <translation>机器，不确定：模型给出 %1%</translation>
    </message>
    <message>
        <source>machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>MONEY: yuan as a whole number; DATE: YYYY-MM-DD or start/end</source>
        <translation>金额：以元为单位的整数；日期：YYYY-MM-DD 或 起/止</translation>
    </message>
</context>
<context>
    <name>SpanTable</name>
    <message>
        <source>Not a valid value: %1</source>
        <translation>无效的值：%1</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split into work packages</source>
        <translation>拆分为工作包</translation>
    </message>
    <message>
        <source>张三,李四,王五</source>
        <translation>张三,李四,王五</translation>
    </message>
    <message>
        <source>Editors (comma-separated):</source>
        <translation>编辑（用逗号分隔）：</translation>
    </message>
    <message>
        <source>Share given to every editor:</source>
        <translation>分给每位编辑的比例：</translation>
    </message>
    <message>
        <source>all articles</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Folder for the work packages</source>
        <translation>工作包所在文件夹</translation>
    </message>
    <message>
        <source>Give at least one editor name (no / \ : * ? &quot; &lt; &gt; |).</source>
        <translation>请至少填写一个编辑名（不能含 / \ : * ? &quot; &lt; &gt; |）。</translation>
    </message>
    <message>
        <source>Choose a folder for the packages.</source>
        <translation>请为工作包选择一个文件夹。</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>%1 articles, %2 reviewed; %3 spans.</source>
        <translation>共 %1 篇文章，已审 %2 篇；标注 %3 个。</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>relabelled</source>
        <translation>改类型</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>改边界</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Articles by status</source>
        <translation>各状态文章数</translation>
    </message>
    <message>
        <source>Spans by label</source>
        <translation>各类型标注数</translation>
    </message>
    <message>
        <source>Editor changes to the machine&apos;s spans (reviewed articles)</source>
        <translation>编辑对机器标注的修改（已审文章）</translation>
    </message>
    <message>
        <source>Reviewed per day (UTC)</source>
        <translation>每日审校数（UTC）</translation>
    </message>
    <message>
        <source>Reviewed per editor</source>
        <translation>各编辑审校数</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Relabelled</source>
        <translation>改类型</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>改边界</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Extractor precision and recall (estimated from editors&apos; changes)</source>
        <translation>抽取器准确率与召回率（据编辑修改估计）</translation>
    </message>
    <message>
        <source>precision = kept / (kept + deleted + relabelled + moved); recall = kept / (kept + added)</source>
        <translation>准确率 = 保留 / (保留 + 删除 + 改类型 + 改边界)；召回率 = 保留 / (保留 + 新增)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>unreviewed</source>
        <translation>未审</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>审阅中</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已审</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>to adjudicate</source>
        <translation>待裁定</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>No project</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Reviewed %1 / %2</source>
        <translation>已审 %1 / %2</translation>
    </message>
    <message>
        <source>Editor: %1</source>
        <translation>编辑：%1</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>New tag…</source>
        <translation>新标签…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling after the current page…</source>
        <translation>当前版面完成后取消…</translation>
    </message>
</context>
<context>
    <name>TeamFlow</name>
    <message>
        <source>Writing work packages…</source>
        <translation>正在写入工作包…</translation>
    </message>
    <message>
        <source>The packages were not written</source>
        <translation>工作包未写入</translation>
    </message>
    <message>
        <source>%1: %2 articles</source>
        <translation>%1：%2 篇文章</translation>
    </message>
    <message>
        <source>%1 work packages written</source>
        <translation>已写入 %1 个工作包</translation>
    </message>
    <message>
        <source>Work packages</source>
        <translation>工作包</translation>
    </message>
    <message>
        <source>%1 articles go to every editor (for agreement).</source>
        <translation>%1 篇文章分给每位编辑（用于计算一致性）。</translation>
    </message>
    <message>
        <source>Merging work packages…</source>
        <translation>正在合并工作包…</translation>
    </message>
    <message>
        <source>Merging failed</source>
        <translation>合并失败</translation>
    </message>
    <message>
        <source>Merged %1 packages: %2 articles took an editor&apos;s version, %3 are to adjudicate</source>
        <translation>已合并 %1 个工作包：%2 篇文章采用了一位编辑的版本，%3 篇待裁定</translation>
    </message>
    <message>
        <source>Nothing new in these packages: no article edited since they were made or last merged</source>
        <translation>这些工作包没有新内容：自生成或上次合并以来没有文章被修改</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>Some packages were not merged</source>
        <translation>部分工作包未合并</translation>
    </message>
</context>
<context>
    <name>TrainingFlow</name>
    <message>
        <source>Project model %1 cannot be used (%2); the shipped model is used</source>
        <translation>项目模型 %1 无法使用（%2）；改用内置模型</translation>
    </message>
    <message>
        <source>The project is open read-only</source>
        <translation>项目以只读方式打开</translation>
    </message>
    <message>
        <source>A model is already being trained</source>
        <translation>已有模型正在训练</translation>
    </message>
    <message>
        <source>Reading the reviewed articles</source>
        <translation>正在读取已审核文章</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>Cross-validation %1</source>
        <translation>交叉验证 %1</translation>
    </message>
    <message>
        <source>Training from the reviewed articles…</source>
        <translation>正在用已审核文章训练…</translation>
    </message>
    <message>
        <source>Train from reviewed articles</source>
        <translation>用已审核文章训练</translation>
    </message>
    <message>
        <source>No article is reviewed yet. Review some articles (Ctrl+Enter) and train again.</source>
        <translation>还没有已审核的文章。请先审核一些文章（Ctrl+Enter）再训练。</translation>
    </message>
    <message>
        <source>Training cancelled: the previous model stays in use</source>
        <translation>训练已取消：继续使用之前的模型</translation>
    </message>
    <message>
        <source>Model %1 trained on %2 articles (%3 spans) and in use</source>
        <translation>模型 %1 已用 %2 篇文章（%3 个标注）训练完成并启用</translation>
    </message>
    <message>
        <source>(cross-validated F1 %1)</source>
        <translation>（交叉验证 F1 %1）</translation>
    </message>
    <message>
        <source>Re-annotate with the new model</source>
        <translation>用新模型重新标注</translation>
    </message>
    <message>
        <source>Re-annotate the %1 articles that are not reviewed or rejected with the new model?

Only machine spans are replaced; spans you made or imported and reviewed articles stay as they are. You can undo it in one step.</source>
        <translation>用新模型重新标注 %1 篇未审核、未驳回的文章？

只替换机器标注；您做的或导入的标注以及已审核的文章保持不变。可以一步撤销。</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>The model could not be trained; the previous model stays in use and the project is unchanged. The log has the details.</source>
        <translation>模型未能训练；继续使用之前的模型，项目没有改动。详情见日志。</translation>
    </message>
</context>
<context>
    <name>UncertainFlow</name>
    <message>
        <source>Articles the model is least sure of come first</source>
        <translation>模型最没把握的文章排在前面</translation>
    </message>
    <message>
        <source>Articles in page order</source>
        <translation>文章按版面顺序排列</translation>
    </message>
    <message>
        <source>No uncertain machine span left in the list</source>
        <translation>列表中已没有不确定的机器标注</translation>
    </message>
</context>
</TS>
