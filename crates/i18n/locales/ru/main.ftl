# sailau — русский каталог сообщений.
#
# Ключи одинаковы во всех трёх языках (это проверяет тест). Числовые переменные всегда
# проходят через NUMBER(…): так плюрализация и разряды работают, даже если число передано строкой.
# Номера участков, строк и записей журнала пишутся без разделителя разрядов (useGrouping: "false").

## Сайт

site-name = sailau
site-tagline = Открытая система управления выборами
site-description = Реестр территорий, избирательных участков и партий для выборов акимов в Казахстане с открытым проверяемым журналом изменений.
site-logo-alt = sailau — на главную

## Навигация

nav-label = Основное меню
nav-home = Главная
nav-territories = Территории
nav-precincts = Участки
nav-parties = Партии
nav-ledger = Журнал
nav-login = Войти
nav-logout = Выйти
nav-account = Учётная запись
nav-administration = Администрирование
nav-language = Язык
nav-skip-to-content = Перейти к основному содержанию
nav-breadcrumbs = Вы здесь
nav-signed-in-as = Вы вошли как { $username }

## Главная

home-title = Главная
home-heading = Открытый реестр выборов акимов
home-lead = sailau ведёт реестр территорий, избирательных участков и политических партий для выборов акимов в Казахстане. Каждое изменение подписывается и записывается в открытый журнал, который может проверить любой.
home-summary-heading = Реестр в цифрах
home-demo-notice = Демонстрационные данные: области, районы, участки и партии соответствуют открытым источникам о выборах 5 ноября 2023 года, а распределение избирателей по участкам синтетическое.
home-what-heading = Что делает sailau
home-what-registry = Реестр: области, районы, города, сельские округа, сёла и посёлки с кодами КАТО, избирательные участки с числом избирателей в списках, партии и их филиалы.
home-what-ledger = Журнал: каждое изменение — запись в дереве Меркла (RFC 9162) с подписанной вершиной. Любой может проверить, что ни одна запись не изменена и не удалена.
home-what-roles = Роли: члены комиссий и секретари партий действуют только в пределах своих полномочий. Просматривать реестр можно без входа.
home-browse-heading = Открыть реестр

## Количества: число и существительное

count-regions =
    { NUMBER($count) ->
        [one] { NUMBER($count) } область
        [few] { NUMBER($count) } области
       *[other] { NUMBER($count) } областей
    }
count-districts =
    { NUMBER($count) ->
        [one] { NUMBER($count) } район или город
        [few] { NUMBER($count) } района или города
       *[other] { NUMBER($count) } районов и городов
    }
count-territories =
    { NUMBER($count) ->
        [one] { NUMBER($count) } территория
        [few] { NUMBER($count) } территории
       *[other] { NUMBER($count) } территорий
    }
count-precincts =
    { NUMBER($count) ->
        [one] { NUMBER($count) } избирательный участок
        [few] { NUMBER($count) } избирательных участка
       *[other] { NUMBER($count) } избирательных участков
    }
count-voters =
    { NUMBER($count) ->
        [one] { NUMBER($count) } избиратель
        [few] { NUMBER($count) } избирателя
       *[other] { NUMBER($count) } избирателей
    }
count-parties =
    { NUMBER($count) ->
        [one] { NUMBER($count) } партия
        [few] { NUMBER($count) } партии
       *[other] { NUMBER($count) } партий
    }
count-branches =
    { NUMBER($count) ->
        [one] { NUMBER($count) } филиал
        [few] { NUMBER($count) } филиала
       *[other] { NUMBER($count) } филиалов
    }
count-entries =
    { NUMBER($count) ->
        [one] { NUMBER($count) } запись
        [few] { NUMBER($count) } записи
       *[other] { NUMBER($count) } записей
    }
count-users =
    { NUMBER($count) ->
        [one] { NUMBER($count) } пользователь
        [few] { NUMBER($count) } пользователя
       *[other] { NUMBER($count) } пользователей
    }

## Подписи к большим числам на карточках (число выводится отдельно)

stat-regions =
    { NUMBER($count) ->
        [one] область
        [few] области
       *[other] областей
    }
stat-districts =
    { NUMBER($count) ->
        [one] район или город областного значения
        [few] района или города областного значения
       *[other] районов и городов областного значения
    }
stat-precincts =
    { NUMBER($count) ->
        [one] избирательный участок
        [few] избирательных участка
       *[other] избирательных участков
    }
stat-voters =
    { NUMBER($count) ->
        [one] избиратель в списках
        [few] избирателя в списках
       *[other] избирателей в списках
    }
stat-parties =
    { NUMBER($count) ->
        [one] политическая партия
        [few] политические партии
       *[other] политических партий
    }
stat-entries =
    { NUMBER($count) ->
        [one] запись в журнале
        [few] записи в журнале
       *[other] записей в журнале
    }

## Виды территорий

territory-kind-region = Область
territory-kind-republican-city = Город республиканского значения
territory-kind-district = Район
territory-kind-regional-city = Город областного значения
territory-kind-rural-okrug = Сельский округ
territory-kind-village = Село
territory-kind-settlement = Посёлок
territory-kind-district-city = Город районного значения

## Территории

territories-title = Территории
territories-intro = Административно-территориальное деление: области и города республиканского значения, районы и города, сельские округа, сёла и посёлки. Коды — по классификатору КАТО.
territories-tree-heading = Все территории
territories-search-label = Найти территорию
territories-search-hint = Название на любом языке или код КАТО
territories-search-submit = Найти
territories-search-results =
    По запросу «{ $query }» { NUMBER($count) ->
        [one] найдена { NUMBER($count) } территория
        [few] найдены { NUMBER($count) } территории
       *[other] найдено { NUMBER($count) } территорий
    }
territories-search-none = По запросу «{ $query }» ничего не найдено.
territories-empty = В реестре пока нет территорий.
territory-code = Код КАТО
territory-code-hint = 9 цифр
territory-name = Название
territory-name-ru = Название на русском
territory-name-kk = Название на казахском
territory-name-en = Название на английском
territory-kind = Вид
territory-parent = Вышестоящая территория
territory-parent-hint = Код КАТО вышестоящей территории. Для области и города республиканского значения оставьте пустым.
territory-parent-none = Верхний уровень
territory-children = Входящие территории
territory-no-children = Других территорий в составе нет.
territory-precincts-link = Избирательные участки этой территории

## Избирательные участки

precincts-title = Избирательные участки
precincts-intro = Избирательные участки и число избирателей, включённых в их списки.
precincts-in-territory = Избирательные участки: { $territory }
precincts-empty = Избирательных участков пока нет.
precincts-total-voters = Всего избирателей в списках: { NUMBER($count) }
precinct-heading = Избирательный участок № { NUMBER($number, useGrouping: "false") }
precinct-number = Номер
precinct-number-hint = Целое число от 1 до 99 999; номер не повторяется в пределах области.
precinct-address = Адрес
precinct-voters = Избирателей в списке
precinct-territory = Территория
precinct-territory-hint = Код КАТО района, города, сельского округа, села или посёлка.

## Партии

parties-title = Партии
parties-intro = Политические партии, зарегистрированные в Республике Казахстан, и их филиалы.
parties-empty = Партий в реестре пока нет.
party-code = Код
party-code-hint = От 2 до 32 строчных латинских букв, цифр или дефисов, например amanat.
party-full-name = Полное название
party-name-ru = Полное название на русском
party-name-kk = Полное название на казахском
party-short-name = Краткое название
party-branches = Филиалы
party-branches-none = Филиалов в реестре нет.
branch-party = Партия
branch-territory = Территория филиала

## Лица

persons-title = Лица
person-surname = Фамилия
person-given-name = Имя
person-patronymic = Отчество
person-patronymic-hint = Если есть
person-birth-date = Дата рождения
person-birth-date-hint = В формате ГГГГ-ММ-ДД
person-gender = Пол
gender-male = Мужской
gender-female = Женский

## Роли

role-administrator = Администратор
role-cec-member = Член Центральной избирательной комиссии
role-territorial-commission = Член территориальной избирательной комиссии
role-precinct-commission = Член участковой избирательной комиссии
role-party-secretary = Секретарь партии
role-candidate = Кандидат
role-observer = Наблюдатель
role-anonymous = Гость

## Учётная запись и полномочия

account-title = Учётная запись
account-username = Имя пользователя
account-role = Роль
account-scope = Сфера полномочий
account-status = Состояние
account-status-active = Действует
account-status-disabled = Отключена
scope-global = Без ограничений
scope-territory = Территория «{ $territory }» и всё, что в неё входит
scope-precincts = Избирательные участки: { $precincts }
scope-party = Партия «{ $party }»
scope-party-branch = Партия «{ $party }», филиалы на территории «{ $territory }»

## Формы

form-save = Сохранить
form-cancel = Отмена
form-submit = Отправить
form-add-territory = Добавить территорию
form-add-precinct = Добавить участок
form-add-party = Добавить партию
form-add-branch = Добавить филиал
form-import-csv = Импорт из CSV
form-import-kind = Что импортировать
form-file = Файл
form-import-hint = CSV в кодировке UTF-8; первая строка — заголовок: { $header }
form-import-all-or-nothing = Если хотя бы одна строка неверна, не импортируется ничего, а все ошибки показываются с номерами строк.
form-import-done =
    Импорт завершён: { NUMBER($count) ->
        [one] добавлена { NUMBER($count) } строка
        [few] добавлены { NUMBER($count) } строки
       *[other] добавлено { NUMBER($count) } строк
    }.
form-errors-heading =
    { NUMBER($count) ->
        [one] В форме { NUMBER($count) } ошибка
        [few] В форме { NUMBER($count) } ошибки
       *[other] В форме { NUMBER($count) } ошибок
    }
form-required = обязательно
form-optional = необязательно
form-error-prefix = Ошибка:
form-choose = — выберите —
form-saved = Изменение сохранено и записано в журнал.
form-ledger-entry = Запись журнала № { NUMBER($index, useGrouping: "false") }

## Журнал

ledger-title = Журнал изменений
ledger-intro = Каждое изменение реестра — отдельная запись в журнале. Записи образуют дерево Меркла (RFC 9162), а его вершину сервер подписывает ключом Ed25519. Поэтому любой может проверить, что ни одна запись не изменена, не удалена и не вставлена задним числом.
ledger-entries = Записи
ledger-index = №
ledger-time = Время (UTC)
ledger-actor = Автор
ledger-actor-system = система
ledger-command = Команда
ledger-subject = Что изменено
ledger-leaf-hash = Хеш листа
ledger-tree-head = Подписанная вершина дерева
ledger-size = Размер дерева
ledger-root = Корневой хеш
ledger-signature = Подпись
ledger-key-id = Идентификатор ключа
ledger-public-key = Открытый ключ
ledger-signed-at = Подписано
ledger-inclusion-proof = Доказательство включения
ledger-show-proof = Доказательство
ledger-entry-heading = Запись журнала № { NUMBER($index, useGrouping: "false") }
ledger-entry-payload = Каноническое содержимое записи
ledger-proof-heading = Доказательство включения записи № { NUMBER($index, useGrouping: "false") } в дерево размера { NUMBER($size, useGrouping: "false") }
ledger-audit-path = Путь аудита
ledger-proof-valid = Доказательство сходится с подписанной вершиной дерева.
ledger-empty = Журнал пока пуст.
ledger-range = Записи с { NUMBER($from) } по { NUMBER($to) }
ledger-verify-heading = Как проверить журнал
ledger-verify-instructions = Вершина дерева, записи и доказательства открыты всем через API. Пересчитайте хеши записей по RFC 9162 и сравните корень с подписанной вершиной; подпись проверяется открытым ключом сервера.
ledger-verify-cli = Тот, у кого есть копия базы, выполняет команду ниже: она пересчитывает дерево, проверяет подпись, воспроизводит все записи с нуля, сравнивает результат с таблицами и называет первое расхождение.
ledger-api-heading = Открытый API

## Команды (вид записи журнала)

command-create-territory = Добавление территории
command-rename-territory = Переименование территории
command-create-precinct = Добавление избирательного участка
command-update-precinct = Изменение избирательного участка
command-create-party = Добавление партии
command-update-party = Изменение партии
command-create-branch = Добавление филиала партии
command-register-person = Регистрация лица
command-create-account = Создание учётной записи
command-change-account-role = Изменение роли
command-set-account-active = Включение или отключение учётной записи
command-change-password = Смена пароля
command-call-election = Назначение выборов
command-nominate-by-party = Выдвижение кандидата партией
command-apply-self-nomination = Самовыдвижение кандидата
command-propose-by-higher-akim = Предложение кандидатуры вышестоящим акимом
command-attach-document = Приложение документа
command-tick-document = Отметка о представленном документе
command-record-deposit = Внесение избирательного взноса
command-register-candidate = Регистрация кандидата
command-refuse-registration = Отказ в регистрации
command-cancel-registration = Отмена регистрации
command-produce-ballots = Утверждение текста бюллетеня
command-record-signature-sheets = Проверка подписных листов
command-erase-signature-data = Удаление персональных данных подписантов
command-record-member = Учёт члена партии
command-erase-member-data = Удаление персональных данных члена партии
command-set-conference-count = Установка нумерации конференций
command-convene-conference = Созыв конференции
command-seat-delegate = Включение делегата в список
command-check-in = Регистрация делегата
command-open-motion = Вопрос повестки поставлен на голосование
command-record-vote = Итоги голосования
command-record-primary-meeting = Собрание первичной партийной организации
command-adopt-regional-plan = Утверждение плана областного филиала
command-report-turnout = Сведения о явке избирателей
command-enter-protocol = Ввод протокола участковой комиссии
command-amend-protocol = Уточнение протокола участковой комиссии
command-attach-protocol-scan = Приложение скан-копии протокола
command-record-observer-copy = Копия протокола наблюдателя
command-certify-results = Утверждение итогов выборов
command-open-campaign = Объявление праймериз
command-register-contender = Регистрация участника праймериз
command-decide-contender = Решение по заявке участника праймериз
command-withdraw-contender = Снятие участника праймериз
command-schedule-debate = Назначение дебатов
command-record-debate = Отметка участия в дебатах
command-record-paper-count = Подсчёт бюллетеней праймериз
command-fix-ballot = Утверждение бюллетеня праймериз

## Вход

login-title = Вход
login-intro = Вход нужен, чтобы действовать: членам комиссий, секретарям и комитетам партий, доверенным лицам и членам партии, голосующим на праймериз. Итоги, реестр и журнал открыты всем без входа.
login-username = Имя пользователя
login-password = Пароль
login-submit = Войти
login-wrong-credentials = Неверное имя пользователя или пароль.
login-too-many-attempts = Слишком много неудачных попыток входа. Подождите { NUMBER($seconds) } с и попробуйте снова.
login-logged-out = Вы вышли из системы.
login-required = Войдите, чтобы продолжить.

## Администрирование

admin-title = Администрирование
admin-users = Пользователи
admin-add-user = Добавить пользователя
admin-role = Роль
admin-scope = Сфера полномочий
admin-scope-hint = Для администратора, члена ЦИК, кандидата и наблюдателя оставьте пустым. Территориальная комиссия: territory:КОД. Участковая комиссия: precincts:ОБЛАСТЬ/НОМЕР,… Секретарь партии: party:КОД или party:КОД@КОД_ТЕРРИТОРИИ.
admin-scope-required = обязательно для комиссий и партийных ролей
admin-password = Пароль
admin-password-shown-once = Пароль показан один раз и больше нигде не хранится в читаемом виде. Передайте его пользователю надёжным способом.
admin-user-created = Пользователь { $username } создан.
admin-no-users = Пользователей нет.

## Ошибки

error-status = Код ошибки: { NUMBER($status, useGrouping: "false") }
error-back-home = Вернуться на главную
error-not-found-title = Страница не найдена
error-not-found-body = Такой страницы нет. Проверьте адрес или начните с главной страницы.
error-forbidden-title = Доступ запрещён
error-forbidden-body = У вашей учётной записи нет полномочий на это действие.
error-bad-request-title = Неверный запрос
error-bad-request-body = Сервер не смог разобрать запрос. Проверьте введённые данные и попробуйте снова.
error-csrf-title = Форма устарела
error-csrf-body = Отправка не прошла проверку безопасности: форма устарела или была открыта в другом сеансе. Вернитесь, обновите страницу и отправьте форму снова.
error-too-large-title = Слишком большой файл
error-too-large-body = Размер отправленных данных превышает допустимый.
error-server-title = Внутренняя ошибка
error-server-body = Сервер не смог выполнить запрос. Ничего не изменено. Попробуйте позже.

## Проверка данных (ключи совпадают с правилами sailau-domain: Rule::key)

field-required = Заполните это поле.
field-choose = Выберите значение.
confirm-required = Отметьте флажок, чтобы подтвердить.
invalid-type = В поле «{ $field }» нужно указать { $expected ->
        [text] текст в кавычках
        [whole-number] целое число
        [number] число
        [true-false] true или false
        [list] список в квадратных скобках
        [object] объект в фигурных скобках
       *[other] значение другого типа
    }.
invalid-value = В поле «{ $field }» нужно указать { $expected ->
        [whole-number] целое число из допустимого диапазона
        [number] число из допустимого диапазона
       *[other] допустимое значение
    }.
unknown-field = Поля «{ $field }» в этом запросе нет.
invalid-choice = В поле «{ $field }» нужно указать одно из значений: { $allowed }.
json-syntax = Тело запроса не является корректным JSON (строка { NUMBER($line, useGrouping: "false") }, позиция { NUMBER($column, useGrouping: "false") }).
field-too-long =
    Не длиннее { NUMBER($max) } { NUMBER($max) ->
        [one] символа
       *[other] символов
    }.
field-error-with-label = { $field }: { $message }
code-format = Код КАТО состоит ровно из 9 цифр.
code-taken = Территория с таким кодом уже есть в реестре.
parent-missing = Вышестоящей территории с таким кодом нет в реестре.
parent-kind-invalid =
    { $kind ->
        [region] Область
        [republican_city] Город республиканского значения
        [district] Район
        [regional_city] Город областного значения
        [rural_okrug] Сельский округ
        [village] Село
        [settlement] Посёлок
        [district_city] Город районного значения
       *[other] «{ $kind }»
    } { $parent_kind ->
        [none] не может быть верхним уровнем: укажите вышестоящую территорию.
        [region] не может входить в состав области.
        [republican_city] не может входить в состав города республиканского значения.
        [district] не может входить в состав района.
        [regional_city] не может входить в состав города областного значения.
        [rural_okrug] не может входить в состав сельского округа.
        [village] не может входить в состав села.
        [settlement] не может входить в состав посёлка.
        [district_city] не может входить в состав города районного значения.
       *[other] не может входить в «{ $parent_kind }».
    }
territory-missing = Территории с таким кодом нет в реестре.
precinct-territory-kind =
    Избирательный участок не может относиться непосредственно к { $kind ->
        [region] области
        [republican_city] городу республиканского значения
        [district] району
        [regional_city] городу областного значения
        [rural_okrug] сельскому округу
        [village] селу
        [settlement] посёлку
        [district_city] городу районного значения
       *[other] «{ $kind }»
    }: выберите район, город, сельский округ, село или посёлок.
precinct-number-format = Номер участка — целое число от 1 до 99 999.
precinct-number-taken = Участок с таким номером уже есть в этой области.
precinct-missing = Такого избирательного участка нет в реестре.
voters-out-of-range = Число избирателей — целое число от 0 до { NUMBER($max) }.
party-code-format = Код партии — от 2 до 32 строчных латинских букв, цифр или дефисов; дефис не может стоять в начале или в конце.
party-taken = Партия с таким кодом уже есть в реестре.
party-missing = Партии с таким кодом нет в реестре.
branch-taken = У этой партии уже есть филиал на этой территории.
person-birth-date-invalid = Дата рождения — настоящая дата в формате ГГГГ-ММ-ДД, не раньше 1900-01-01 и не позже сегодняшнего дня.
person-taken = Этот человек уже есть в реестре.
gender-invalid = Выберите пол: женский или мужской.
username-format = Имя пользователя — от 3 до 64 символов: строчные латинские буквы, цифры, точка, дефис и подчёркивание.
username-taken = Это имя пользователя уже занято.
account-missing = Такой учётной записи нет.
password-wrong = Это не ваш текущий пароль.
password-too-short =
    Пароль должен содержать не менее { NUMBER($min) } { NUMBER($min) ->
        [one] символа
       *[other] символов
    }.
role-scope-mismatch = Сфера полномочий не подходит к роли: территориальной комиссии нужна территория; участковой — избирательные участки; секретарю партии, оргкомитету праймериз, хранителю ключа и уполномоченному по кодам голосования — партия; счётной комиссии — партия или конференция; члену партии и делегату — их членство; кандидату — лицо или ничего, наблюдателю — территория или ничего; для администратора и члена ЦИК сфера не указывается.
role-unknown = Неизвестная роль.
kind-unknown = Неизвестный вид территории.
number-format = Введите целое число.
csv-header-invalid = Первая строка файла должна быть заголовком: { $expected }
csv-row-invalid = Строка { NUMBER($line, useGrouping: "false") }: { $reason }
csv-encoding = Файл должен быть в кодировке UTF-8.
csv-empty = В файле нет строк с данными.
file-required = Выберите файл.
text-control-chars = Без переносов строк, табуляций и других управляющих символов.

## Постраничный просмотр и общее

pager-label = Страницы
pager-previous = Предыдущие
pager-next = Следующие
pager-position = Страница { NUMBER($page) } из { NUMBER($pages) }
common-actions = Действия
common-total = Итого
common-details = Подробнее
common-none = нет
common-back = Назад

## Подвал

footer-open-source = sailau — свободная программа с открытым исходным кодом (AGPL-3.0).
footer-source-code = Исходный код
footer-verify-ledger = Проверить журнал
footer-api = API (OpenAPI)

## Веб-страницы: формы, учётная запись, администрирование, доказательства журнала

territories-add-top-level = Добавить область или город республиканского значения
territory-subtree-heading = На этой территории и во всех входящих в неё
territory-no-direct-precincts = Непосредственно к этой территории участки не относятся; смотрите входящие в неё территории.
precincts-by-region = Избирательные участки по областям
precincts-region-territory = Страница области
precinct-edit = Исправить адрес или число избирателей
party-name-en = Полное наименование на английском языке
branch-territory-hint = Код КАТО территории, на которой работает филиал (область, район или город).
form-import-submit = Импортировать
form-import-nothing-imported = Ничего не импортировано. Исправьте эти строки и загрузите файл снова.
csv-more-errors =
    { NUMBER($count) ->
        [one] … и ещё { NUMBER($count) } строка с ошибками.
        [few] … и ещё { NUMBER($count) } строки с ошибками.
       *[other] … и ещё { NUMBER($count) } строк с ошибками.
    }
csv-unreadable = Не удалось прочитать файл: { $reason }
ledger-actor-operator = оператор (командная строка)
ledger-signature-valid = Подпись верна
ledger-signature-invalid = Подпись не проходит проверку
ledger-proof-invalid = Доказательство не сходится с подписанной вершиной дерева.
ledger-entry-payload-hint = Ровно те байты, хеш которых и есть хеш листа (RFC 9162: SHA-256 от байта 0x00, за которым следуют эти байты).
ledger-audit-path-empty = В дереве одна запись: путь пуст, а хеш листа и есть корень.
ledger-consistency-heading = Согласованность дерева после этой записи
ledger-consistency-intro = Доказательство того, что дерево размера { NUMBER($from, useGrouping: "false") } — каким оно было сразу после добавления этой записи — является началом нынешнего дерева размера { NUMBER($to, useGrouping: "false") }: с тех пор ни одна прежняя запись не изменена и не удалена.
ledger-root-at = Корень дерева размера { NUMBER($size, useGrouping: "false") }
ledger-api-head = Подписанная вершина дерева
ledger-api-entries = Записи с start по end (не более 1000)
ledger-api-inclusion = Доказательство включения одной записи
ledger-api-consistency = Доказательство согласованности двух размеров дерева
account-display-name = Полное имя
account-change-password = Сменить пароль
account-change-password-intro = После смены пароля все ваши сеансы завершатся; войдите снова с новым паролем.
account-current-password = Текущий пароль
account-new-password = Новый пароль
account-confirm-password = Новый пароль ещё раз
account-password-hint =
    Не менее { NUMBER($min) } { NUMBER($min) ->
        [one] символа
       *[other] символов
    }; лучше всего — длинная фраза.
account-password-changed = Пароль изменён. Войдите с новым паролем.
password-mismatch = Пароли не совпадают.
admin-username-hint = От 3 до 64 символов: строчные латинские буквы, цифры, точка, дефис и подчёркивание.
admin-password-hint = Оставьте пустым, чтобы создать надёжный пароль автоматически; он будет показан один раз после создания пользователя.
admin-change-role = Изменить роль
admin-change-refused = Роль пользователя { $username } не изменена
admin-deactivate = Отключить
admin-reactivate = Включить

## issue 7
last-administrator = Это последний действующий администратор: его нельзя отключить или перевести на другую роль, иначе управлять учётными записями будет некому. Сначала назначьте администратором другую учётную запись.

## issue 9

# Отказы в полномочиях. $action — из ключей action-… (в винительном падеже: «право на …»).
denied-anonymous = Войдите, чтобы сделать это.
denied-role = Роль «{ $role }» не даёт права на { $action }.
denied-scope = У этой учётной записи есть право на { $action } только в пределах её сферы полномочий, а это за её пределами.
action-create-territory = добавление территории
action-rename-territory = переименование территории
action-create-precinct = добавление избирательного участка
action-update-precinct = изменение избирательного участка
action-create-party = добавление партии
action-update-party = изменение данных партии
action-create-branch = добавление филиала партии
action-register-person = регистрацию лица
action-create-account = создание учётной записи
action-change-account-role = изменение роли учётной записи
action-set-account-active = включение или отключение учётной записи
action-change-password = смену пароля
app-not-found = Такой записи нет в реестре.
app-batch-item = Запись { NUMBER($number, useGrouping: "false") }: { $reason }
csv-row-refused = строка не принята.
csv-unreadable-file = Не удалось прочитать файл: это не CSV в кодировке UTF-8 и не книга Excel (.xlsx).

# Журнал словами. $actor — имя пользователя или «оператор (командная строка)».
ledger-what = Что произошло
ledger-json = каноническая запись (JSON)
ledger-numbering = Записи нумеруются с 0, как в API (/api/ledger/entries) и в поле index самой записи.
ledger-verify-cli-hint = COPY.db — путь к копии базы данных; ключ выше — открытый ключ этого сервера. У демонстрационного сервера команду для его базы печатает sailau serve --demo при запуске.
ledger-unknown-territory = территория с кодом { $code }
ledger-precinct = № { NUMBER($number, useGrouping: "false") } ({ $region })
ledger-did-create-territory = { $actor } добавил(а) территорию «{ $name }» ({ $kind }, код КАТО { $code }).
ledger-did-rename-territory = { $actor } переименовал(а) территорию с кодом КАТО { $code } в «{ $name }».
ledger-did-create-precinct = { $actor } добавил(а) избирательный участок № { NUMBER($number, useGrouping: "false") } — { $territory }, избирателей в списке: { NUMBER($voters) }.
ledger-did-update-precinct = { $actor } изменил(а) избирательный участок { $precinct }: адрес «{ $address }», избирателей в списке: { NUMBER($voters) }.
ledger-did-create-party = { $actor } добавил(а) партию «{ $name }».
ledger-did-update-party = { $actor } изменил(а) данные партии «{ $name }».
ledger-did-create-branch = { $actor } добавил(а) филиал партии «{ $party }» — { $territory }.
ledger-did-register-person = { $actor } зарегистрировал(а) лицо: { $name }.
ledger-did-create-account = { $actor } создал(а) учётную запись { $username } с ролью «{ $role }» (сфера полномочий: { $scope }).
ledger-did-change-account-role = { $actor } назначил(а) учётной записи { $username } роль «{ $role }» (сфера полномочий: { $scope }).
ledger-did-set-account-active =
    { $actor } { $active ->
        [yes] включил(а)
       *[no] отключил(а)
    } учётную запись { $username }.
ledger-did-change-password = { $actor } сменил(а) пароль учётной записи { $username }.

# Исходный код работающей версии (AGPL).
footer-version = Версия { $version }, сборка { $commit }.
source-title = Исходный код этого сервера
source-intro = sailau — свободная программа под лицензией GNU AGPL-3.0 или более поздней версии. Кто предоставляет её другим по сети, обязан предложить им исходный код именно той версии, которая работает на сервере. Вот эта версия.
source-version = Версия
source-commit = Коммит (сборка)
source-commit-unknown = неизвестен: программа собрана не из git-репозитория
source-download = Исходный код этой версии:
source-ask-operator = Оператор этого сервера не указал адрес для загрузки исходного кода (параметр --source-url). Запросите исходный код этой версии у оператора: он обязан его предоставить.
source-checkout = В копии репозитория sailau эта версия получается командой:
ledger-territory-in-region = { $territory } ({ $region })
form-import-precincts = Импорт избирательных участков (CSV или Excel)
form-import-precincts-hint = Только избирательные участки: файл CSV в кодировке UTF-8 или книга Excel (.xlsx, читается первый лист), не больше 8 МБ. Первая строка — заголовок: { $header }. Территория каждой строки указывается кодом КАТО и должна входить в вашу сферу полномочий.

## issue 6
text-invisible-chars = Без невидимых символов (пробелов нулевой ширины, знаков направления текста).
text-char-not-allowed = Символ «{ $character }» здесь недопустим.
text-mixed-script = В слове «{ $word }» смешаны алфавиты: латинские буквы, похожие на кириллицу, или наоборот.
number-not-whole = Нужно целое число, без дробной части.
number-negative = Число не может быть отрицательным.
number-too-large = Слишком большое число.
code-parent-mismatch =
    { NUMBER($digits) ->
        [0] Код КАТО области или города республиканского значения: две цифры (не 00), затем нули.
       *[other] Код КАТО должен начинаться с цифр вышестоящей территории ({ $prefix }), затем свои цифры (не все нули), затем нули.
    }
party-name-taken = Это название читается так же, как название зарегистрированной партии «{ $name }».
cell-type =
    Ячейка { $cell } содержит { $found ->
        [date] дату
        [boolean] логическое значение
        [error] ошибку
       *[other] значение другого типа
    }, а нужно { $expected ->
        [whole-number] целое число
        [code] код
       *[other] текст
    }.
import-wrong-file =
    Это файл { $kind ->
        [territories] территорий
        [precincts] избирательных участков
        [parties] партий
       *[other] другого вида
    }: здесь нужен другой файл.
import-row-width = Ячеек в строке: { NUMBER($cells) }, столбцов в заголовке: { $expected }. Возможно, не закрыта кавычка или в значении стоит разделитель.
import-encoding = Текст не читается в кодировке { $encoding }.
import-read-as = Файл прочитан в кодировке { $encoding }.
import-lost-letters = «{ $text }»: знаки «?» внутри слов. Вероятно, казахские буквы потеряны при сохранении в Windows-1251; сохраните файл как «CSV UTF-8».
import-too-many-rows =
    В файле больше { NUMBER($max) } { NUMBER($max) ->
        [one] строки
       *[other] строк
    } — это предел одного импорта.
import-utf16-no-bom = Файл в кодировке UTF-16 без метки порядка байтов. Сохраните его как «CSV UTF-8».
import-unreadable-workbook = Не удалось прочитать книгу XLSX: { $reason }
import-too-large = Файл больше { NUMBER($max) } МБ — это предел загрузки. Ничего не импортировано.
file-empty = Файл пуст.

## issue 10 (merge): refusals of reads, as actions
action-read-accounts = просмотр списка учётных записей
action-read-account = просмотр этой учётной записи
action-read-persons = просмотр лиц в реестре

## i10-rest
import-workbook-too-large = Текст книги после распаковки больше { NUMBER($max) } МБ — это предел одного импорта: разделите файл или сохраните его как CSV.
## i11-print
print-ballot-born = { $year } года рождения
print-ballot-instructions = Поставьте любой знак в пустом квадрате справа от сведений только об одном кандидате либо в строке «{ $against }». Бюллетень, в котором знак проставлен более чем в одном квадрате или не проставлен ни в одном из них, считается недействительным.
print-ballot-changed = Бюллетень изменён после изготовления: регистрация кандидата отменена.
print-ballot-member = Член участковой избирательной комиссии
print-ballot-seal = М. П. участковой избирательной комиссии
print-protocol-title = ПРОТОКОЛ
print-protocol-subject = проверки подписей избирателей, собранных в поддержку кандидата
print-protocol-election = Выборы
print-protocol-candidate = Кандидат
print-protocol-unit = Административно-территориальная единица
print-protocol-date = Дата
print-protocol-item = Показатель
print-protocol-count = Число
print-protocol-sheets = Представлено подписных листов
print-protocol-lines = Подписей в подписных листах
print-protocol-valid = Достоверных подписей (каждый избиратель учтён один раз)
print-protocol-invalid = Недостоверных и недействительных подписей, всего
print-protocol-of-which = в том числе:
print-protocol-threshold = Необходимое число подписей
print-protocol-verdict = Итог
print-protocol-sufficient = подписей достаточно для регистрации кандидата
print-protocol-insufficient = подписей недостаточно для регистрации кандидата
print-protocol-chair = Председатель комиссии
print-protocol-secretary = Секретарь комиссии
print-protocol-member = Член комиссии
print-unprintable-title = Бюллетень нельзя напечатать
print-unprintable-body = В сведениях о кандидатах есть знак, которого нет в шрифте печати. Исправьте сведения и напечатайте бюллетень снова.
print-unprintable-character = Знак: «{ $character }».

## i11-core
person-missing = В реестре нет лица с таким идентификатором.
election-window-not-open = Этап «{ $window ->
        [call] назначение выборов
        [nomination] выдвижение кандидатов
        [signatures] сбор подписей
        [registration] регистрация кандидатов
        [higher_akim_proposal] представление кандидатов вышестоящим акимом
        [higher_akim_registration] регистрация кандидатов, представленных вышестоящим акимом
        [withdrawal] снятие кандидатур
        [campaign] предвыборная агитация
        [ballots] изготовление бюллетеней
        [voting] голосование
       *[other] этап выборов
    }» начнётся { $date } в { $time } по местному времени.
election-window-closed = { $window ->
        [registration] Регистрация кандидатов завершилась
        [nomination] Выдвижение кандидатов завершилось
        [call] Срок назначения выборов истёк
        [signatures] Сбор подписей завершился
        [higher_akim_proposal] Срок представления кандидатов вышестоящим акимом истёк
        [higher_akim_registration] Регистрация кандидатов, представленных вышестоящим акимом, завершилась
        [withdrawal] Срок снятия кандидатур истёк
        [campaign] Предвыборная агитация завершилась
        [ballots] Срок изготовления бюллетеней истёк
        [voting] Голосование завершилось
       *[other] Этот этап выборов завершился
    } { $date } в { $time } по местному времени.
election-calendar-invalid = Не удалось рассчитать календарь выборов: данные часового пояса или даты вне допустимого диапазона.
election-rule-set-invalid = { $problem ->
        [syntax] Набор правил: текст не читается как TOML (строка { NUMBER($line, useGrouping: "false") }).
       *[other] Набор правил, ключ «{ $key }»: { $problem ->
            [unknown] такого ключа в наборе правил нет
            [missing] ключ обязателен, но не указан
            [type] значение другого типа
            [time] нужно местное время ЧЧ:ММ от 00:00 до 24:00
            [order] сроки идут не в том порядке
            [empty] значение не может быть пустым
            [choice] значение не из допустимых
            [year] нужен год, например 2023
            [key-format] ключ — строчные латинские буквы, цифры и знак подчёркивания
           *[other] значение вне допустимого диапазона
        }.
    }
election-rule-set-digest = Указанная контрольная сумма SHA-256 не совпадает с текстом набора правил.
election-rule-set-level = Набор правил предназначен для выборов другого уровня ({ $level ->
        [district] акимы районов и городов областного значения
        [rural] сельские акимы
       *[other] другой уровень
    }).
election-taken = Выборы с таким идентификатором уже назначены.
election-missing = Таких выборов нет.
election-contest-taken = Идентификатор избирательного округа уже занят.
election-contest-missing = Такого избирательного округа нет.
election-unit-twice = Территория { $unit } указана дважды.
election-unit-level = На территории { $unit } не избирается аким этого уровня ({ $level ->
        [district] район или город областного значения
       *[other] сельский округ, село, посёлок или город районного значения
    }).
election-unit-outside = Территория { $unit } вне территории назначающей комиссии.
election-unit-busy = На территории { $unit } в этот день уже назначены выборы.
election-day-past = День выборов должен быть позже сегодняшнего.
election-too-few-candidates = Зарегистрировано кандидатов: { NUMBER($registered) }, а нужно не меньше { NUMBER($min) }.
election-enough-candidates = Уже зарегистрировано { NUMBER($registered) } (минимум { NUMBER($min) }): представление вышестоящего акима не требуется.
election-nomination-taken = Выдвижение с таким идентификатором уже есть.
election-nomination-missing = Такого выдвижения нет.
election-route-closed = Набор правил не предусматривает этот способ выдвижения: { $route ->
        [party] выдвижение политической партией
        [self_nominated] самовыдвижение
        [higher_akim_proposal] представление вышестоящего акима
       *[other] { $route }
    }.
election-person-mismatch = В реестре это лицо записано с другими данными.
election-person-stands = Это лицо уже выдвинуто в этом округе.
election-qualification-unknown = «{ $qualification ->
        [citizenship] гражданство Республики Казахстан
        [legal_capacity] дееспособность
        [higher_education] высшее образование
        [civil_service_qualification] квалификационные требования к государственной службе
       *[other] { $qualification }
    }» нет в перечне требований набора правил.
election-qualification-missing = Кандидат не подтвердил требование: { $qualification ->
        [citizenship] гражданство Республики Казахстан
        [legal_capacity] дееспособность
        [higher_education] высшее образование
        [civil_service_qualification] квалификационные требования к государственной службе
       *[other] { $qualification }
    }.
election-too-young =
    Кандидату должно исполниться { NUMBER($min) } { NUMBER($min) ->
        [one] год
        [few] года
       *[other] лет
    } ко дню выборов { $election_day }; ему будет { NUMBER($age) }.
election-party-nominee-taken = Партия уже выдвинула кандидата в этом округе: партия выдвигает не более одного кандидата на округ.
election-membership-missing = Партия выдвигает только своих членов: укажите документ о членстве в партии.
election-incumbent-taken = В этом округе уже выдвинут кандидат, указанный как действующий аким: аким один, поэтому такую отметку может иметь только одна выдвинутая или зарегистрированная кандидатура.
election-date-future = Дата не может быть позже сегодняшней.
election-nomination-status = Решение по этому выдвижению уже принято (статус: { $state ->
        [nominated] выдвинут, ждёт решения
        [registered] зарегистрирован
        [refused] в регистрации отказано
        [cancelled] регистрация отменена
       *[other] { $state }
    }).
election-document-unknown = «{ $document ->
        [application] заявление кандидата
        [deposit_receipt] документ о внесении избирательного взноса
        [qualification_documents] документы о соответствии квалификационным требованиям
        [asset_declaration_certificate] справка органа государственных доходов о представлении деклараций
        [party_decision] решение партии о выдвижении
        [signature_protocol] протокол проверки подписей
        [higher_akim_proposal] представление вышестоящего акима
       *[other] { $document }
    }» не входит в перечень документов для этого способа выдвижения.
election-document-missing = Нет документа: { $document ->
        [application] заявление кандидата
        [deposit_receipt] документ о внесении избирательного взноса
        [qualification_documents] документы о соответствии квалификационным требованиям
        [asset_declaration_certificate] справка органа государственных доходов о представлении деклараций
        [party_decision] решение партии о выдвижении
        [signature_protocol] протокол проверки подписей
        [higher_akim_proposal] представление вышестоящего акима
       *[other] { $document }
    }.
election-attachment-too-large =
    Файл — { NUMBER($size) } { NUMBER($size) ->
        [one] байт
        [few] байта
       *[other] байт
    }, а принимаются файлы не больше { NUMBER($max) } { NUMBER($max) ->
        [one] байта
       *[other] байт
    }.
election-attachment-type = По содержимому файл не является документом PDF, JPEG или PNG.
election-attachment-mismatch = Файл не совпадает с записанными контрольной суммой, размером или типом.
election-deposit-too-low = Внесено { NUMBER($amount) } ₸, а избирательный взнос в { $year } году — { NUMBER($required) } ₸.
election-deposit-wage-unknown = В наборе правил нет минимальной заработной платы за { $year } год.
election-deposit-missing = Избирательный взнос не внесён.
election-signatures-missing = Подписные листы не проверены.
election-signatures-too-few = Достоверных подписей: { NUMBER($valid) }, а нужно { NUMBER($required) }.
election-ground-unknown = В наборе правил нет такого основания для отказа.
election-recall-not-party = Отозвать можно только кандидата, выдвинутого партией.
action-call-election = назначение выборов
action-nominate-by-party = выдвижение кандидата партией
action-apply-self-nomination = подачу заявления о самовыдвижении
action-propose-by-higher-akim = представление кандидата вышестоящим акимом
action-attach-document = прикрепление документа кандидата
action-tick-document = отметку о документах кандидата
action-record-deposit = запись избирательного взноса
action-register-candidate = регистрацию кандидата
action-refuse-registration = отказ в регистрации кандидата
action-cancel-registration = отмену регистрации кандидата
action-produce-ballots = изготовление бюллетеней
action-read-workbench = просмотр заявлений, ждущих решения комиссии
action-read-attachments = просмотр документов кандидатов
scope-person = Кандидат: { $person }
ledger-did-call-election = { $actor } назначил(а) выборы «{ $name }» на { $day }: округов — { NUMBER($units) }.
ledger-did-nominate-by-party = { $actor } выдвинул(а) от партии { $party } кандидата { $name }.
ledger-did-apply-self-nomination = { $actor } подал(а) заявление о самовыдвижении: { $name }.
ledger-did-propose-by-higher-akim = { $actor } внёс(ла) представление вышестоящего акима: { $name }.
ledger-did-attach-document = { $actor } прикрепил(а) документ «{ $document ->
        [application] заявление кандидата
        [deposit_receipt] документ о внесении избирательного взноса
        [qualification_documents] документы о соответствии квалификационным требованиям
        [asset_declaration_certificate] справка органа государственных доходов о представлении деклараций
        [party_decision] решение партии о выдвижении
        [signature_protocol] протокол проверки подписей
        [higher_akim_proposal] представление вышестоящего акима
       *[other] { $document }
    }» к выдвижению { $nomination }.
ledger-did-tick-document = { $actor } { $present ->
        [yes] отметил(а) как представленный
       *[no] снял(а) отметку о
    } документ «{ $document ->
        [application] заявление кандидата
        [deposit_receipt] документ о внесении избирательного взноса
        [qualification_documents] документы о соответствии квалификационным требованиям
        [asset_declaration_certificate] справка органа государственных доходов о представлении деклараций
        [party_decision] решение партии о выдвижении
        [signature_protocol] протокол проверки подписей
        [higher_akim_proposal] представление вышестоящего акима
       *[other] { $document }
    }» выдвижения { $nomination }.
ledger-did-record-deposit = { $actor } записал(а) избирательный взнос { NUMBER($amount) } ₸ по выдвижению { $nomination }.
ledger-did-register-candidate = { $actor } зарегистрировал(а) кандидата по выдвижению { $nomination }.
ledger-did-refuse-registration = { $actor } отказал(а) в регистрации по выдвижению { $nomination }: { $ground ->
        [qualification_requirements] несоответствие квалификационным требованиям
        [age] возраст на день выборов
        [documents_incomplete] неполный пакет документов
        [signatures_insufficient] недостаточно подписей
        [deposit_not_paid] не внесён избирательный взнос
        [disqualification] ограничения, установленные законом
       *[other] { $ground }
    }.
ledger-did-cancel-registration = { $actor } отменил(а) регистрацию по выдвижению { $nomination } ({ $reason ->
        [recalled] отзыв партией
       *[withdrawn] по заявлению кандидата
    }).
ledger-did-produce-ballots = { $actor } отметил(а) изготовление бюллетеней округа { $contest }.
## i11-sign
number-out-of-range = Нужно целое число от { NUMBER($min) } до { NUMBER($max) }.
date-format = Дата записывается как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (и должна существовать).
signature-line-repeated = Лист { NUMBER($sheet) }, строка { NUMBER($line) } указаны дважды.
signature-retention = Данные лиц, поставивших подписи, можно удалить не ранее { $date }.
signatures-not-self-nominated = Подписные листы представляют только самовыдвиженцы.
signature-facts-changed = Пока проверялись подписные листы, изменились территория или сроки сбора подписей. Проверьте листы ещё раз.
signature-sheet = Лист
signature-line = Строка
signature-surname = Фамилия
signature-given-name = Имя
signature-patronymic = Отчество
signature-iin = ИИН
signature-address = Адрес места жительства
signature-territory = Код КАТО места жительства
signature-signed-on = Дата подписи
signature-ground-iin-malformed = ИИН указан неверно
signature-ground-iin-check-digit = не сходится контрольный разряд ИИН
signature-ground-under-age = подписавшемуся не исполнилось 18 лет на дату подписи
signature-ground-outside-unit = подписавшийся проживает за пределами территории
signature-ground-outside-window = подпись поставлена вне срока сбора подписей
signature-ground-duplicate = повторная подпись того же лица
signature-import-wrong-file = Это не подписной лист: нужны столбцы { $expected }.
action-record-signature-sheets = приём подписных листов
action-erase-signature-data = удаление данных лиц, поставивших подписи
ledger-did-record-signature-sheets = { $actor } принял(а) подписные листы по выдвижению { $nomination }: строк { NUMBER($lines) }, действительных подписей { NUMBER($valid) } при необходимых { NUMBER($required) }.
ledger-did-erase-signature-data = { $actor } удалил(а) данные лиц, поставивших подписи, по выдвижению { $nomination }.
## i13-party
party-card-number-format = Номер партийного билета — от 1 до 32 букв, цифр или дефисов.
party-card-number-taken = У партии уже есть член с этим номером партийного билета.
party-member-taken = Такой идентификатор члена партии уже занят.
party-commitment-mismatch = Запись о члене партии не совпадает с её отпечатком в журнале.
party-joined-on-invalid = Дата вступления в партию должна быть настоящей датой не позже сегодняшней и не раньше 14 лет со дня рождения.
party-member-missing = В партии нет члена с таким номером партийного билета.
party-member-erased = Персональные данные этого члена партии удалены.
party-member-joined-after = Член партии вступил в неё после { $date }.
party-member-not-person = Фамилия, имя и дата рождения члена партии не совпадают с данными этого лица.
party-branch-missing = У партии нет филиала на этой территории.
party-numbering-locked = Конференции этого филиала уже нумеруются в sailau; номер последней прежней конференции менять нельзя.
party-ordinal-not-next = Следующая конференция филиала — { $expected }-я.
party-ordinal-range = Номер конференции — от 1 до 3999.
party-conference-missing = Такой конференции нет.
party-conference-taken = Такой идентификатор конференции уже занят.
party-agenda-empty = В повестке дня нужен хотя бы один вопрос.
party-mandate-taken = Мандат с этим номером уже выдан другому делегату.
party-mandate-range = Номер мандата — от 1 до 99 999.
party-delegate-twice = Этот член партии уже есть в списке делегатов конференции.
party-delegate-elsewhere = Этот член партии уже в списке делегатов другой конференции партии в тот же день: делегат состоит в списке только одной конференции.
party-mandate-missing = Нет делегата с мандатом № { NUMBER($mandate, useGrouping: "false") }.
party-checked-in-twice = Делегат с мандатом № { NUMBER($mandate, useGrouping: "false") } уже зарегистрирован.
party-not-checked-in = Делегат с мандатом № { NUMBER($mandate, useGrouping: "false") } не зарегистрирован и не может голосовать.
party-voted-twice = Делегат с мандатом № { NUMBER($mandate, useGrouping: "false") } указан в поимённом голосовании дважды.
party-roster-closed = После начала голосования делегатов добавлять нельзя.
party-presidium-first = Сначала избираются председатель, секретарь и счётная комиссия.
party-motion-still-open = Голосование по другому вопросу ещё не завершено.
party-motion-missing = Такого вопроса нет.
party-motion-taken = Такой идентификатор вопроса уже занят.
party-not-adopted = Вопрос не завершился решением о выдвижении: передавать в комиссию нечего.
party-motion-decided = Решение по этому вопросу уже принято.
party-round-not-next = Сейчас проводится тур { $expected }.
party-no-quorum = Нет кворума: присутствует делегатов — { NUMBER($attending) }, нужно не меньше { NUMBER($needed) }. Решение принять нельзя.
party-counts-above-present = Голосов больше, чем присутствующих делегатов ({ NUMBER($attending) }).
party-tally-shape = Итоги не соответствуют вопросу: кандидатур — { $expected }.
party-tally-mode = Для этого способа голосования нужны другие итоги (число голосов при открытом и тайном голосовании, голос каждого делегата при поимённом).
party-unit-outside-branch = Такой административной единицы нет на территории филиала.
party-unit-nominated = Партия уже выдвинула по этой единице кандидата: { $name }.
party-contender-twice = Один и тот же член партии указан дважды.
party-contenders-required = Укажите хотя бы одну кандидатуру.
party-nominee-not-member = Кандидат не является членом партии.
party-out-of-order = Нарушен порядок: сначала проводятся нижестоящие конференции (или избираются делегаты).
action-record-member = внесение члена партии
action-erase-member-data = удаление персональных данных члена партии
action-set-conference-count = установку номера последней конференции филиала
action-convene-conference = созыв конференции
action-seat-delegate = внесение делегата в список
action-check-in = регистрацию делегата
action-open-motion = постановку вопроса на голосование
action-record-vote = запись итогов голосования
ledger-did-record-member = { $actor } внёс(ла) члена партии «{ $party }» — { $territory } (персональные данные — вне журнала).
ledger-did-erase-member-data = { $actor } удалил(а) персональные данные члена партии.
ledger-did-set-conference-count = { $actor } указал(а) номер последней конференции филиала партии «{ $party }» — { $territory }: { NUMBER($round, useGrouping: "false") }.
ledger-did-convene-conference = { $actor } созвал(а) { $ordinal } конференцию филиала партии «{ $party }» — { $territory }.
ledger-did-seat-delegate = { $actor } внёс(ла) в список делегатов конференции делегата с мандатом № { NUMBER($mandate, useGrouping: "false") }.
ledger-did-check-in = { $actor } зарегистрировал(а) делегата с мандатом № { NUMBER($mandate, useGrouping: "false") }.
ledger-did-open-motion = { $actor } поставил(а) вопрос на голосование конференции.
ledger-did-record-vote = { $actor } записал(а) итоги голосования (тур { NUMBER($round, useGrouping: "false") }).
party-minutes-title = ПРОТОКОЛ
party-minutes-of = { $ordinal } { $kind } конференции филиала партии «{ $party }» — { $branch }
party-minutes-extraordinary = внеочередной
party-minutes-regular = очередной
party-minutes-elected = Избрано делегатов
party-minutes-present = Присутствует делегатов
party-minutes-quorum = Необходимо для кворума
party-minutes-agenda = Повестка дня
party-minutes-presidium = Об избрании председателя, секретаря и счётной комиссии конференции
party-minutes-nominate = О выдвижении кандидата на должность акима
party-minutes-elect-delegates = Об избрании делегатов на вышестоящую конференцию
party-minutes-round = Тур
party-minutes-present-short = Присутствовало
party-minutes-for = За
party-minutes-against = Против
party-minutes-abstain = Воздержались
party-minutes-decision = Решение
party-minutes-adopted = Принято
party-minutes-not-adopted = Не принято
party-minutes-tie = Не принято (равенство голосов)
party-minutes-second-round = Второй тур
party-minutes-nominee = Выдвинут кандидат: { $name }.
party-minutes-chair = Председатель конференции
party-minutes-secretary = Секретарь конференции


## i11-web
nav-elections = Выборы
el-elections-title = Выборы акимов
el-elections-lead = Назначенные выборы: календарь в местном времени, кандидаты и бюллетени.
el-elections-none = Выборы ещё не назначены.
el-election-day = День голосования
el-election-level = Уровень
el-level-district = акимы районов и городов областного значения
el-level-rural = акимы сельских округов, сёл, посёлков и городов районного значения
el-election-called-on = Выборы назначены
el-election-called-by = Назначила
el-commission-of = территориальная избирательная комиссия: { $territory }
el-election-ruleset = Правила выборов
el-ruleset-text = текст правил (TOML)
el-ruleset-digest = Отпечаток SHA-256 текста правил
el-election-contests = Выборы по административно-территориальным единицам
el-election-open-now = Сейчас открыто
el-call-election = Назначить выборы
el-candidates-link = Зарегистрированные кандидаты
el-workbench-link = Рабочее место комиссии
el-contest-title = Выборы акима: { $unit }
el-contest-unit = Единица
el-contest-voters = Избирателей
el-contest-nominated = Выдвинуто
el-contest-registered = Зарегистрировано
el-contest-min-warning = Зарегистрировано кандидатов: { NUMBER($count) }, это меньше минимума ({ NUMBER($min) }). Вышестоящий аким может предложить кандидатов.
el-contest-signatures-needed =
    Для самовыдвижения нужно не менее { NUMBER($count) } { NUMBER($count) ->
        [one] подписи
       *[other] подписей
    } избирателей ({ NUMBER($share) } % от { NUMBER($voters) }, с округлением вверх).
el-contest-candidates = Кандидаты
el-contest-no-candidates = Кандидатов пока нет.
el-self-nominate = Подать заявление о самовыдвижении
el-party-nominate = Выдвинуть кандидата от партии
el-candidate-name = Фамилия, имя, отчество
el-candidate-nominated-by = Кем выдвинут
el-candidate-status = Статус
el-candidate-number = Рег. №
el-candidate-born = Год рождения
el-candidate-post = Место работы и должность
el-candidate-residence = Место жительства
el-candidate-incumbent = действующий аким
el-route-self = самовыдвижение
el-route-higher-akim = предложение вышестоящего акима
el-status-nominated = выдвинут
el-status-registered = зарегистрирован
el-status-refused = отказано в регистрации
el-status-cancelled = регистрация отменена
el-status-registered-number = зарегистрирован, № { NUMBER($number, useGrouping: "false") }
el-calendar-title = Календарь выборов
el-calendar-local-time = Всё время указано местное, по времени области ({ $offset }).
el-calendar-open-now = Сейчас открыто:
el-calendar-step = Этап
el-calendar-dates = Сроки
el-calendar-state = Состояние
el-calendar-from = с { $when }
el-calendar-to = до { $when }
el-calendar-phase-past = завершено
el-calendar-phase-open = открыто
el-calendar-phase-upcoming = впереди
el-calendar-open-days-left =
    { NUMBER($count) ->
        [0] открыто, последний день
        [one] открыто, остался { NUMBER($count) } день
        [few] открыто, осталось { NUMBER($count) } дня
       *[other] открыто, осталось { NUMBER($count) } дней
    }
el-step-call = Назначение выборов
el-step-nomination = Выдвижение кандидатов
el-step-signatures = Сбор подписей в поддержку самовыдвиженцев
el-step-registration = Регистрация кандидатов
el-step-withdrawal = Снятие кандидатуры
el-step-campaign = Предвыборная агитация
el-step-voting = Голосование
el-candidates-title = Зарегистрированные кандидаты
el-candidates-lead = Кандидаты в акимы, зарегистрированные территориальными избирательными комиссиями.
el-candidates-none = Зарегистрированных кандидатов нет.
el-workbench-title = Рабочее место комиссии
el-workbench-lead = Заявления, ожидающие решения комиссии, и сколько дней осталось до конца регистрации.
el-workbench-none = Заявлений, ожидающих решения, нет.
el-workbench-days-left =
    { NUMBER($count) ->
        [0] последний день
        [one] остался { NUMBER($count) } день
        [few] осталось { NUMBER($count) } дня
       *[other] осталось { NUMBER($count) } дней
    }
el-workbench-deadline-passed = срок истёк
el-workbench-missing = Не хватает
el-workbench-complete = всё представлено
el-workbench-open = Открыть
el-nomination-title = Кандидат: { $name }
el-nomination-missing-title = Чего не хватает для регистрации
el-nomination-nothing-missing = Всё необходимое для регистрации представлено.
el-nomination-documents = Документы
el-document-submitted = представлен
el-document-missing = не представлен
el-nomination-deposit = Избирательный взнос
el-deposit-due = Размер избирательного взноса: { NUMBER($amount) } тенге.
el-deposit-none = не внесён
el-deposit-paid = внесён { $date }, платёжный документ № { $document }, { NUMBER($amount) } тенге
el-nomination-decision = Решение партии
el-decision-summary = № { $document } от { $date }, { $body }
el-nomination-refusal = Основание отказа
el-nomination-attachments = Приложенные файлы
el-form-tick-documents = Отметить представленные документы
el-form-record-deposit = Записать избирательный взнос
el-deposit-paid-on = Дата оплаты
el-deposit-document = Номер платёжного документа
el-deposit-amount = Сумма, тенге
el-form-register = Зарегистрировать кандидата
el-form-refuse = Отказать в регистрации
el-refusal-ground = Основание
el-refusal-text = Пояснение
el-form-cancel = Отменить регистрацию
el-cancel-reason = Причина
el-cancel-withdrawn = заявление кандидата о снятии
el-cancel-recalled = отзыв партией
el-form-produce-ballots = Изготовить бюллетени
el-ballots-produced = Бюллетени изготовлены.
el-ballot-changed = После изготовления бюллетеней регистрация кандидата отменена: бюллетень нужно изменить.
el-self-nominate-title = Заявление о самовыдвижении
el-self-nominate-lead = Заявление кандидата в акимы о самовыдвижении. После него нужно собрать подписи избирателей, внести избирательный взнос и представить документы.
el-party-nominate-title = Выдвижение кандидата от партии
el-field-contest = Выборы
el-field-current-post = Место работы и должность
el-field-current-post-hint = Например: аким Уилского района
el-field-residence = Место жительства
el-field-incumbent = Кандидат — действующий аким
el-field-incumbent-hint = Отметьте, если кандидат сейчас занимает должность акима, которого избирают на этих выборах
el-field-party = Партия
el-field-decision-number = Номер решения
el-field-decision-date = Дата решения
el-field-decision-body = Орган, принявший решение
el-field-decision-body-hint = Например: L (50-я) внеочередная конференция Уилского районного филиала
el-field-decision-file = Скан решения (PDF, JPEG или PNG)
el-field-date-hint = В формате ГГГГ-ММ-ДД
el-call-title = Назначение выборов
el-call-lead = Территориальная избирательная комиссия назначает выборы акимов в своих единицах. Календарь рассчитывается по правилам в местном времени региона.
el-field-name-ru = Название на русском
el-field-name-kk = Название на казахском
el-field-name-en = Название на английском
el-field-units = Единицы (коды КАТО через запятую)
el-field-units-hint = Например: 275200000, 276000000
el-field-election-day = День голосования
el-field-ruleset = Правила выборов
el-field-level = Уровень
el-ballot-title = Избирательный бюллетень
el-ballot-print = Печатная страница бюллетеня
el-ballot-pdf = Бюллетень в PDF
el-ballot-in-kk = на казахском
el-ballot-in-ru = на русском
el-ballot-languages = Бюллетени печатаются на казахском и русском языках.
el-ballot-print-button = Печать
el-ballot-no-candidates = В бюллетене нет кандидатов.
el-signatures-title = Подписные листы
el-signatures-upload = Загрузить подписные листы
el-signatures-upload-hint = CSV или XLSX; первая строка — заголовок с такими столбцами:
el-signatures-protocol = Протокол проверки подписей
el-signatures-total = Строк в листах
el-signatures-valid = Действительных подписей
el-signatures-needed = Требуется подписей
el-signatures-enough = Подписей достаточно.
el-signatures-not-enough = Подписей недостаточно.
el-signatures-flagged = Отмеченные строки
el-signatures-sheet-line = Лист, строка
el-signatures-reason = Причина
el-signatures-none = Подписные листы ещё не загружены.
el-step-higher-akim-proposal = Предложение кандидатов вышестоящим акимом
el-step-higher-akim-registration = Регистрация кандидатов, предложенных вышестоящим акимом
el-step-ballots = Изготовление бюллетеней
el-doc-application = Заявление о согласии баллотироваться
el-doc-deposit-receipt = Документ об уплате избирательного взноса
el-doc-qualification-documents = Документы о соответствии квалификационным требованиям
el-doc-asset-declaration-certificate = Справка органа государственных доходов о представлении деклараций об активах и обязательствах кандидата и супруга
el-doc-party-decision = Решение партии о выдвижении
el-doc-signature-protocol = Протокол проверки подписей избирателей
el-doc-higher-akim-proposal = Предложение вышестоящего акима
el-doc-other = Иной документ
el-contest-below-minimum = меньше минимума кандидатов
el-qual-citizenship = Гражданство Республики Казахстан
el-qual-legal-capacity = Дееспособность
el-qual-civil-service-qualification = Соответствие квалификационным требованиям к государственной службе
el-qual-other = Иное требование правил выборов
el-field-qualifications = Заявленное соответствие требованиям
el-field-membership = Документ о членстве в партии
el-field-membership-hint = Номер и дата партийного билета или выписки из реестра членов партии
el-date-invalid = Введите настоящую дату в формате ГГГГ-ММ-ДД.
el-ruleset-unknown = Выберите правила из списка.
el-cancel-reason-unknown = Выберите причину из списка.
el-file-too-large = Файл больше { NUMBER($max) } МБ — это предел загрузки. Ничего не сохранено.
el-size-kb = { NUMBER($size) } КБ
el-cancel-text = Заявление
el-cancel-text-hint = Номер и дата заявления кандидата или решения партии
el-signatures-place = Лист { NUMBER($sheet) }, строка { NUMBER($line) }
el-signatures-first-at = первая подпись: лист { NUMBER($sheet) }, строка { NUMBER($line) }

## i11-finish
clock-simulated-banner = Имитация времени, только для испытаний и демонстраций: время этого сервера начато с { $start }, сейчас на нём { $now }. Действия здесь не являются настоящими выборами.
clock-simulated-footer = Этот сервер работает по имитированному времени: даты и время на его страницах и в его журнале не настоящие.
el-signatures-protocol-pdf = Протокол проверки подписей в PDF
el-akim-propose = Внести представление вышестоящего акима
el-akim-propose-title = Представление кандидата вышестоящим акимом
el-akim-propose-lead = Если зарегистрировано меньше кандидатов, чем требуется, кандидатов представляет вышестоящий аким; представление вносит избирательная комиссия.
el-field-proposal-number = Номер представления
el-field-proposal-date = Дата представления
el-field-proposal-body = Кем внесено представление
el-field-proposal-body-hint = Например: аким Актюбинской области
el-field-proposal-file = Скан представления (PDF, JPEG или PNG)
account-candidacies = Мои кандидатуры
## i13-pages
pp-branches-title = Филиалы партии
pp-party-secretaries = Секретари партии в целом
pp-branch = Филиал
pp-secretaries = Секретари
pp-no-secretary = нет
pp-members = Члены партии
pp-conferences = Конференции
pp-conferences-none = Конференции в sailau ещё не созывались.
pp-branch-title = { $party } — филиал: { $branch }
pp-members-imported = { NUMBER($count) ->
        [one] Загружен { NUMBER($count) } член партии.
        [few] Загружено { NUMBER($count) } члена партии.
       *[other] Загружено { NUMBER($count) } членов партии.
    }
pp-convene-title = Созвать очередную конференцию
pp-next-number = Её номер
pp-convene = Созвать
pp-kind-extraordinary = Внеочередная
pp-kind-regular = Очередная
pp-field-kind = Вид
pp-field-held-on = Дата
pp-field-held-on-hint = День проведения конференции, например 27.09.2023.
pp-field-place = Место проведения
pp-field-agenda = Повестка дня
pp-field-agenda-hint = Каждый вопрос с новой строки.
pp-date-format = Укажите дату в виде 27.09.2023 или 2023-09-27.
pp-import-members = Загрузить список членов партии
pp-import-members-hint = CSV или XLSX со столбцами, указанными ниже. Перечисляются все ошибочные строки; ничего не загружается, пока ошибки есть.
pp-import = Загрузить
pp-conference-title = { $ordinal } { $kind ->
        [extraordinary] внеочередная конференция
       *[other] очередная конференция
    }
pp-conference-heading = { $title } филиала партии «{ $party }» — { $branch }
pp-count =
    { NUMBER($present) ->
        [one] Присутствует
       *[other] Присутствуют
    } { NUMBER($present) } из { NUMBER($elected) } { NUMBER($elected) ->
        [one] делегата
       *[other] делегатов
    }
pp-quorum-yes = Кворум есть (нужно не менее { NUMBER($needed) })
pp-quorum-no = Кворума нет (нужно не менее { NUMBER($needed) })
pp-why =
    { $rule ->
        [cast] за { NUMBER($votes) } из { NUMBER($base) } { NUMBER($base) ->
            [one] поданного голоса
           *[other] поданных голосов
        }, требуется более { NUMBER($half) }
        [elected] за { NUMBER($votes) } из { NUMBER($base) } { NUMBER($base) ->
            [one] избранного делегата
           *[other] избранных делегатов
        }, требуется более { NUMBER($half) }
        [two_thirds] за { NUMBER($votes) } из { NUMBER($base) } { NUMBER($base) ->
            [one] присутствующего
           *[other] присутствующих
        }, требуется не менее двух третей ({ NUMBER($min) })
       *[present] за { NUMBER($votes) } из { NUMBER($base) } { NUMBER($base) ->
            [one] присутствующего
           *[other] присутствующих
        }, требуется более { NUMBER($half) }
    }
pp-adopted = Решение принято
pp-adopted-nominee = Решение принято: кандидатом от партии выдвинут { $name }
pp-not-adopted = Решение не принято
pp-not-adopted-tie = Решение не принято: голоса разделились поровну
pp-second-round = Второй тур между двумя набравшими больше всех голосов
pp-mode = { $mode ->
        [roll_call] Поимённое голосование
        [secret] Тайное голосование
       *[other] Открытое голосование
    }
pp-subject = { $kind ->
        [presidium] Председатель, секретарь и счётная комиссия
        [nominate] Выдвижение кандидата в акимы
        [approve_list] Утверждение партийного списка
       *[other] Постановление
    }
pp-subject-presidium-title = Избрание председателя, секретаря и счётной комиссии
pp-subject-nominate-title = О выдвижении кандидата на должность акима: { $unit }
pp-subject-elect-delegates-title = Избрание делегатов на вышестоящую конференцию
pp-mandate-no = мандат № { NUMBER($mandate) }
pp-name-hidden = (имя видит секретарь филиала)
pp-votes-for-name = За: { $name }
pp-choice-none = — не голосовал —
pp-choice-for = За
pp-choice-against = Против
pp-choice-abstain = Воздержался
pp-field-mandate = Номер мандата
pp-field-mandate-hint = Номер мандата делегата.
pp-field-mandates-hint = Номера мандатов через запятую.
pp-field-subject = Вопрос
pp-field-mode = Голосование
pp-field-chair = Председатель
pp-field-secretary = Секретарь
pp-field-counting-commission = Счётная комиссия
pp-field-unit = Территория
pp-field-unit-hint = Район или город, аким которого избирается.
pp-field-contenders = Номера партийных билетов кандидатур
pp-field-contenders-hint = Через запятую, в порядке бюллетеня. Каждый должен быть членом партии.
pp-field-text = Текст постановления или название списка
pp-required-presidium = обязательно при избрании председателя, секретаря и счётной комиссии
pp-required-nomination = обязательно при выдвижении кандидата
pp-required-text = обязательно для постановления или партийного списка
pp-field-votes-for = За
pp-field-against = Против
pp-field-abstain = Воздержались
pp-field-tally = Итоги подсчёта
pp-field-present = Присутствующие делегаты
pp-field-roll-call = Голос каждого делегата
pp-field-contest = Выборы
pp-contenders-too-many =
    Не более { NUMBER($max) } { NUMBER($max) ->
        [one] кандидатуры
       *[other] кандидатур
    }.
pp-contender-not-member = Нет члена партии с билетом № { $card }: кандидат должен быть членом партии.
pp-contender-no-person = Член партии с билетом № { $card } не внесён в реестр лиц: сначала внесите его.
pp-count-format = Укажите целое число голосов.
pp-check-in-title = Регистрация делегатов
pp-check-in = Зарегистрировать
pp-checked-in = Зарегистрирован
pp-search = Поиск в списке по фамилии или номеру мандата
pp-search-button = Найти
pp-search-none = Делегат не найден.
pp-motions = Вопросы и голосования
pp-motions-none = Вопросы на голосование ещё не ставились.
pp-round = Тур
pp-decision = Решение
pp-record-round = Внести итоги голосования, тур { NUMBER($round) }
pp-record-vote = Внести итоги
pp-new-motion = Поставить вопрос на голосование
pp-open-motion = Поставить на голосование
pp-nomination = Выдвижение
pp-hand-off-title = Передать выдвижение в территориальную избирательную комиссию
pp-hand-off-no-contest = Выборы по этой территории ещё не назначены.
pp-hand-off = Передать в комиссию
pp-handed-off = Передано в территориальную избирательную комиссию:
pp-nomination-link = выдвижение
pp-roster = Делегаты
pp-roster-empty = В списке делегатов пока никого нет.
pp-import-roster = Загрузить список делегатов
pp-import-roster-hint = CSV или XLSX со столбцами, указанными ниже; каждый билет должен принадлежать члену партии.
pp-delegates-imported = { NUMBER($count) ->
        [one] Загружен { NUMBER($count) } делегат.
        [few] Загружено { NUMBER($count) } делегата.
       *[other] Загружено { NUMBER($count) } делегатов.
    }
pp-delegate = Делегат
pp-minutes = Протокол
pp-minutes-pdf = Протокол (PDF)
pp-back-to-branch = К филиалу
## i13-pipeline
party-meeting-taken = Это собрание уже внесено.
party-organization-not-below = Первичная партийная организация должна быть филиалом партии на территории филиала, проводящего конференцию.
party-meeting-after-conference = Собрание должно пройти не позднее дня конференции.
party-members-present-range = Присутствующих членов партии — не меньше 1 и не больше, чем членов в организации ({ NUMBER($members) }).
party-seats-range = Собрание избирает от 1 до 999 делегатов.
party-meeting-counts-above-present = Голосов больше, чем присутствующих членов партии ({ NUMBER($attending) }).
party-not-of-organization = Этот член партии не состоит в данной первичной партийной организации.
party-plan-not-region = План составляется для области или города республиканского значения.
party-plan-dates-order = Сроки плана должны идти по порядку: начало, собрания первичных организаций, конференции районных и городских филиалов, областная конференция.
action-record-primary-meeting = внесение протокола собрания первичной партийной организации
action-adopt-regional-plan = утверждение плана проведения конференций в области
role-counting-commission = Член счётной комиссии (конференции или первичной организации)
role-party-delegate = Делегат конференции
role-party-member = Член партии
pipeline-held = проведена
pipeline-pending = предстоит
pipeline-overdue = просрочена
action-read-member-record = просмотр учётных данных члена партии
action-read-delegate-record = просмотр сведений о делегате
action-read-voter-roster = выгрузку списка членов партии, имеющих право голоса
scope-conference = Счётная комиссия: { $conference }
scope-member = Член партии: { $member }
## i13-finish: the regional dashboard, primary meetings, own records
pp-dashboard = Ход конференций
pp-dashboard-link = Ход конференций в области
pp-dashboard-title = { $party } — ход собраний и конференций: { $region }
pp-dashboard-on = Положение на { $date }
pp-dashboard-day = Дата
pp-dashboard-day-hint = Положение дел на этот день: конференция просрочена, если её срок по плану прошёл, а она не проведена.
pp-dashboard-show = Показать
pp-dashboard-summary = Проведено конференций: { NUMBER($held) }, предстоит: { NUMBER($pending) }, просрочено: { NUMBER($overdue) }; выдвижений: { NUMBER($nominations) }.
pp-plan = План проведения собраний и конференций
pp-plan-none = План для этой области ещё не утверждён: сроков нет, ни одна конференция не просрочена.
pp-plan-starts-on = Начало
pp-plan-primary-meetings-by = Собрания первичных партийных организаций — до
pp-plan-district-conferences-by = Конференции районных и городских филиалов — до
pp-plan-regional-conference-by = Областная конференция — до
pp-plan-adopt-title = Утвердить план
pp-plan-adopt-hint = Сроки идут по порядку: начало, собрания первичных организаций, конференции районных и городских филиалов, областная конференция. Новый план заменяет прежний.
pp-plan-adopt = Утвердить план
pp-stages = Конференции филиалов
pp-stages-none = В области нет филиалов партии.
pp-conference = Конференция
pp-deadline = Срок
pp-stage-status = Состояние
pp-meetings = Собрания первичных партийных организаций
pp-nominations = Выдвижения
pp-regional-conference = областная конференция
pp-not-convened = не созвана
pp-meetings-link = Собрания первичных партийных организаций, избравшие делегатов: { NUMBER($count) }
pp-meetings-title = Собрания первичных партийных организаций: { $conference } — { $branch }
pp-meetings-none = Протоколы собраний ещё не внесены.
pp-meeting-facts = Присутствовало членов партии: { NUMBER($members) }; мест делегатов: { NUMBER($seats) }; избрано: { NUMBER($elected) }.
pp-contender = Кандидатура
pp-elected = Избран(а)
pp-not-elected = не избран(а)
pp-record-meeting = Внести протокол собрания первичной партийной организации
pp-record-meeting-hint = По каждой кандидатуре голосуют отдельно. sailau определяет избранных по правилу конференции и вносит их в список делегатов со следующими номерами мандатов.
pp-record-meeting-button = Внести протокол
pp-field-organization = Первичная партийная организация
pp-field-organization-hint = Филиал партии на территории ниже филиала, проводящего конференцию.
pp-field-meeting-held-on = Дата собрания
pp-field-members-present = Присутствовало членов партии
pp-field-seats = Сколько делегатов избрать
pp-field-seats-hint = От 1 до 999.
pp-field-meeting-contenders = Кандидатуры в делегаты и итоги голосования
pp-field-meeting-contenders-hint = Номер партийного билета и число голосов «за», «против» и воздержавшихся; пустые строки не учитываются.
pp-field-card = Номер партийного билета
pp-cell-label = { $field }, строка { NUMBER($line) }
pp-own-link = Моя учётная карточка члена партии
pp-own-conference-link = Конференция, в счётную комиссию которой я избран(а)
pp-own-party = Партия
pp-own-title = Член партии: { $member }
pp-own-title-hidden = Член партии
pp-own-record = Учётные данные
pp-own-name = Фамилия, имя, отчество
pp-own-born = Дата рождения
pp-own-joined = В партии с
pp-own-record-hidden = Учётные данные видит только сам член партии и секретарь его филиала.
pp-own-seats = Делегат конференций
pp-own-seats-none = В списках делегатов конференций не состоит.
pp-own-check-in = Регистрация
pp-own-checked-in = Зарегистрирован(а): { $time }
pp-own-not-checked-in = не зарегистрирован(а)
pp-own-roll-calls = Голосование поимённо
pp-own-roll-calls-none = Поимённых голосований не было.
pp-own-choice = Голос
pp-scope-unknown = (запись удалена)
## i12-day
day-field-unknown = «{ $key }» — не строка протокола этих выборов.
day-candidate-unknown = В этом округе нет кандидата под регистрационным номером { $registration }.
day-relation-failed = { $ru }
day-above-list = { NUMBER($value) } больше числа избирателей в списке ({ NUMBER($voters) }).
day-entries-differ = Два ввода расходятся: в первом { $first }, в этом { $second }. Сверьте с бумажным протоколом.
day-protocol-accepted = Протокол этого участка уже принят. Изменить его можно только уточнением с указанием причины.
day-protocol-not-accepted = Протокол этого участка ещё не принят.
day-amendment-unchanged = Уточнение не меняет ни одного числа.
day-same-operator = Для двойного ввода нужен второй оператор: другой ввод сделан той же учётной записью.
day-precinct-outside-election = Этот участок не входит ни в один избирательный округ этих выборов.
day-polls-not-closed = Протоколы вводятся после окончания голосования: { $date } в { $time } по местному времени.
day-turnout-time-unknown = Явка сообщается только в { $allowed }.
day-turnout-too-early = Сведения на { $time } нельзя передать раньше { $time } по местному времени.
day-turnout-reported = Участок уже сообщил явку на { $time }.
day-turnout-order =
    На { $time } сообщено о { NUMBER($voted) } { NUMBER($voted) ->
        [one] проголосовавшем
       *[other] проголосовавших
    }: явка в течение дня не может уменьшаться.
action-report-turnout = передачу сведений о явке
action-enter-protocol = ввод протокола участковой комиссии
action-amend-protocol = уточнение протокола участковой комиссии
action-attach-protocol-scan = прикрепление скана протокола
action-record-observer-copy = ввод копии протокола наблюдателя
ledger-did-report-turnout = передал(а) сведения о явке
ledger-did-enter-protocol = ввёл(а) протокол участковой комиссии
ledger-did-amend-protocol = уточнил(а) протокол участковой комиссии
ledger-did-attach-protocol-scan = прикрепил(а) скан протокола
ledger-did-record-observer-copy = ввёл(а) копию протокола наблюдателя
## i12-results
action-certify-results = утверждение итогов выборов
ledger-did-certify-results = { $actor } утвердил(а) итоги выборов по округу { $contest }.
results-incomplete = Не приняты протоколы участковых комиссий ({ NUMBER($count) }): { $missing }.
results-already-certified = Итоги выборов по этому округу уже утверждены.
results-polls-open = Голосование ещё не окончено: итоги утверждаются после подсчёта голосов.
results-title = Итоги выборов
results-election-title = Итоги выборов: { $name }
results-region-title = Итоги выборов: { $region }
results-unit-title = Итоги выборов: { $unit }
results-precinct-title = Протокол участковой комиссии № { $precinct }
results-status-preliminary = Предварительные данные
results-status-complete = Все протоколы приняты
results-status-certified = Итоги утверждены комиссией
results-outcome-no-votes = Голоса ещё не подсчитаны.
results-outcome-leading = Лидирует: { $candidate }.
results-outcome-elected = Избран(а): { $candidate }.
results-outcome-run-off = Ни один кандидат не получил более половины голосов: повторное голосование между кандидатами { $first } и { $second }.
results-outcome-repeat-tie = Равное число голосов у кандидатов, набравших наибольшее число голосов ({ NUMBER($candidates) }): назначаются повторные выборы.
results-outcome-repeat-low-turnout = Явка ниже установленной: назначаются повторные выборы.
results-outcome-repeat-against-all = Голосов «против всех» больше, чем у каждого из кандидатов: назначаются повторные выборы.
results-against-all-outpolls = Голосов «против всех» больше, чем у каждого из кандидатов.
results-precincts-of = { NUMBER($count) } из { NUMBER($total) }
results-precincts = Избирательные участки
results-precinct = Участок
results-voters = Число избирателей в списках
results-issued = Выдано бюллетеней
results-found = Обнаружено бюллетеней в ящиках
results-turnout = Явка
results-invalid = Недействительные бюллетени
results-against-all = Против всех
results-regions = Области и города
results-region = Область, город
results-units = Избирательные округа
results-unit = Округ
results-status = Состояние
results-outcome = Итог
results-statistics = Статистика
results-chart-votes = Голоса за кандидатов, доля от бюллетеней, обнаруженных в ящиках
results-votes = Голоса
results-candidate = Кандидат
results-nominated-by = Кем выдвинут
results-share = Доля
results-deposit = Избирательный взнос
results-deposit-refunded = возвращается
results-route-self-nominated = самовыдвижение
results-route-higher-akim-proposal = по представлению вышестоящего акима
results-route-party = партия
results-protocol = Протокол
results-protocol-accepted = принят
results-protocol-awaited = ещё не поступил
results-certify = Утверждение итогов
results-certify-button = Утвердить итоги выборов по округу
results-stat-nominated = Выдвинуто кандидатов
results-stat-registered = Зарегистрировано кандидатов
results-stat-on-ballot = Внесено в бюллетени
results-stat-route-party = Зарегистрировано, выдвинуты партиями
results-stat-route-self-nominated = Зарегистрировано, самовыдвиженцы
results-stat-route-higher-akim-proposal = Зарегистрировано, по представлению вышестоящего акима
results-stat-gender-female = Зарегистрировано женщин
results-stat-gender-male = Зарегистрировано мужчин
results-stat-parties = Партий с зарегистрированными кандидатами
results-stat-winners-new = Избрано акимов
results-stat-winners-age = Средний возраст избранных
results-stat-by-party = Зарегистрированные кандидаты по партиям
results-stat-by-age = Зарегистрированные кандидаты по возрасту
results-stat-age-band = { $band } лет
results-stat-winners-by-party = Избранные по партиям
results-stat-winners-by-route = Избранные по способу выдвижения
results-stat-no-party = Без партии
results-stat-incumbents = Переизбранные и новые акимы
results-stat-incumbents-reelected = Переизбраны действующие акимы
results-stat-new-people = Избраны впервые
results-stat-turnout-bands = Участки по явке
results-stat-turnout-band = явка { $band }%

## merge: ledger lines of the party pipeline
scope-person-unknown = лицо, которого больше нет в реестре
ledger-did-record-primary-meeting = { $actor } внес(ла) протокол собрания первичной партийной организации и избранных делегатов.
ledger-did-adopt-regional-plan = { $actor } утвердил(а) график собраний и конференций области.

## i12-pages: election-day pages of the commissions and observers
day-title = День голосования
day-index-title = День голосования: { $name }
day-voting-hours = Голосование: { $opens } — { $closes } по местному времени ({ $offset }).
day-report-times = Сведения о явке передаются на
day-no-precincts = В ваших полномочиях нет избирательных участков этих выборов.
day-turnout-reports = Сведения о явке
day-actions = Действия
day-turnout-link = Явка
day-protocol-link = Протокол
day-copy-link = Копия протокола
day-status-none = не введён
day-status-pending = ожидает второго ввода
day-status-accepted = принят
day-status-amended = принят, уточнён (версия { NUMBER($index) })
day-candidate-line = № { $registration } — { $name }
day-live-above-list = Больше числа избирателей в списке
day-turnout-title = Явка на участке № { $precinct }
day-turnout-time = Время
day-turnout-voted = Проголосовало избирателей
day-reported-at = Когда переданы
day-not-reported = не переданы
day-turnout-report = Передать сведения о явке
day-turnout-all-reported = Сведения на все установленные часы переданы.
day-turnout-submit = Передать сведения
day-protocol-title = Протокол участковой избирательной комиссии № { $precinct }
day-copy-title = Копия протокола участка № { $precinct }, полученная наблюдателем
day-public-page = страница участка для всех
day-entries-differ-title = Два ввода протокола расходятся
day-entries-differ-lead = Протокол будет принят, когда два оператора введут одинаковые числа. Сверьте строки с бумажным протоколом.
day-line = Строка протокола
day-entry-first = Первый ввод
day-entry-second = Второй ввод
day-awaiting-second-entry = Протокол введён одним оператором: он будет принят, когда второй оператор введёт те же числа.
day-versions = Версии протокола
day-amend-reason = Причина уточнения
day-amend-reason-hint = Например: ошибка при переносе строки 7 с бумажного протокола.
day-amend-title = Уточнение протокола
day-copy-form = Числа копии протокола
day-enter-title = Ввод протокола
day-copy-lead = Введите числа так, как они записаны в полученной вами копии. Расхождения с принятым протоколом будут показаны на странице участка.
day-amend-lead = Принятый протокол меняется только уточнением с указанием причины; обе версии сохраняются и показываются всем.
day-enter-lead = Введите числа из протокола участковой комиссии. Контрольные соотношения проверяются при вводе и ещё раз при сохранении.
day-enter-lead-double = Введите числа из протокола участковой комиссии. Протокол будет принят, когда второй оператор введёт те же числа.
day-protocol-lines = Строки протокола
day-amend-submit = Сохранить уточнение
day-copy-submit = Сохранить копию
day-enter-submit = Сохранить протокол
day-scans = Скан подписанного протокола
day-no-scans = Скан ещё не приложен.
day-scan-file =
    { $format }, { NUMBER($size) } { NUMBER($size) ->
        [one] байт
        [few] байта
       *[other] байт
    }
day-scan-file-label = Файл скана или фотографии
day-scan-hint = PDF, JPEG или PNG. В реестр записывается хеш SHA-256 файла.
day-scan-submit = Приложить скан
day-version = Версия { NUMBER($index) }
day-import-title = Загрузка протоколов из файла
day-import-lead = Территориальная комиссия загружает протоколы участков одной области из файла CSV или XLSX. Принимаются все строки или ни одной; каждая ошибка указана со строкой файла.
day-imported = { NUMBER($count) ->
    [one] Принят { NUMBER($count) } протокол.
    [few] Принято { NUMBER($count) } протокола.
   *[other] Принято { NUMBER($count) } протоколов.
}
day-import-columns = Столбцы файла
day-import-file = Файл протоколов
day-import-submit = Загрузить протоколы
day-amendments = Уточнения протокола
day-copies = Копии протокола у наблюдателей
day-copy-number = Копия наблюдателя { NUMBER($index) }
day-copy-not-compared = Протокол участка ещё не принят: сравнивать не с чем.
day-copy-agrees = Совпадает с принятым протоколом.
day-copy-differs = Расходится с принятым протоколом:
day-copy-protocol = В протоколе
day-copy-copy = В копии
results-turnout-day = Явка в течение дня
results-turnout-chart = Явка избирателей на установленные часы, доля от числа избирателей в списках
results-turnout-reported = Участков передали сведения
results-turnout-flags = Отметки
results-turnout-missing = { NUMBER($count) ->
    [one] { NUMBER($count) } участок не передал сведения
    [few] { NUMBER($count) } участка не передали сведения
   *[other] { NUMBER($count) } участков не передали сведения
}
results-turnout-late = { NUMBER($count) ->
    [one] { NUMBER($count) } участок передал сведения с опозданием
    [few] { NUMBER($count) } участка передали сведения с опозданием
   *[other] { NUMBER($count) } участков передали сведения с опозданием
}
results-downloads = Открытые данные
results-download-nist = Итоги в формате NIST SP 1500-100 (JSON)
results-download-precincts-csv = Итоги по избирательным участкам (CSV)
results-download-units-csv = Итоги по районам и городам (CSV)
results-download-precincts-xlsx = Итоги по избирательным участкам (Excel)
results-download-units-xlsx = Итоги по районам и городам (Excel)
results-download-events = Журнал изменений в формате NIST SP 1500-101 (JSON)

## i14-primaries: «Праймериз»
role-organizing-committee = Член оргкомитета праймериз
role-trustee = Доверенное лицо (хранитель ключа) праймериз
role-credential-authority = Уполномоченный по выдаче кодов голосования
prim-campaign-taken = Праймериз с таким идентификатором уже есть.
prim-campaign-missing = Таких праймериз нет.
prim-window-empty = Срок должен начинаться раньше, чем заканчивается.
prim-windows-order = Сроки идут по порядку: регистрация, дебаты, онлайн-голосование.
prim-paper-outside-online = Голосование бюллетенями должно проходить в сроки онлайн-голосования.
prim-registration-past = Регистрация к этому моменту уже закончилась бы.
prim-positions-empty = Нужна хотя бы одна позиция.
prim-position-key-format = Ключ позиции: от 1 до 32 строчных латинских букв, цифр или дефисов.
prim-position-key-twice = Две позиции с одним ключом.
prim-unit-outside-campaign = Эта административно-территориальная единица находится вне территории праймериз.
prim-seats-range = В списке от 1 до 500 мест.
prim-position-missing = В праймериз нет такой позиции.
prim-trustees-shape = Нужно от 1 до 15 разных доверенных лиц.
prim-threshold-range = Порог — целое число от 1 до числа доверенных лиц.
prim-not-trustee = Эта учётная запись — не учётная запись доверенного лица праймериз.
prim-registration-closed = Регистрация открыта с { $opens } до { $closes }.
prim-contender-taken = Участник с таким идентификатором уже есть.
prim-contender-missing = В праймериз нет такого участника.
prim-contender-twice = Этот член партии уже выдвинулся на эту позицию.
prim-not-member = Участвовать могут только члены партии этой территории.
prim-too-young =
    Участнику должно быть не меньше { NUMBER($age) } { NUMBER($age) ->
        [one] года
       *[other] лет
    }.
prim-young-mismatch = Отметка о принадлежности к молодёжи не соответствует дате рождения члена партии.
prim-ballot-fixed = Бюллетень уже утверждён (не позднее начала онлайн-голосования): состав участников больше не меняется.
prim-residence-short =
    Участник должен проживать на территории не меньше { NUMBER($years) } { NUMBER($years) ->
        [one] года
       *[other] лет
    }.
prim-criminal-record-undeclared = Участник должен заявить об отсутствии судимости.
prim-organization-invalid = Выдвигающая организация — не филиал партии на территории праймериз.
prim-already-decided = По этой заявке решение уже принято.
prim-ground-required = Укажите основание отказа.
prim-not-admitted = Участник не допущен.
prim-already-out = Участник уже снял свою кандидатуру или исключён.
prim-debate-outside-window = Дебаты проводятся с { $opens } до { $closes }.
prim-debate-taken = Дебаты с таким идентификатором уже есть.
prim-debate-missing = Таких дебатов нет.
prim-debate-contenders = В дебатах участвуют не меньше двух допущенных участников этой позиции, каждый один раз.
prim-link-format = Ссылка должна быть адресом веб-страницы.
prim-attendance-not-due = Участие отмечается один раз, после начала дебатов.
prim-attendance-shape = Отметьте каждого участника дебатов один раз: присутствовал или отсутствовал.
prim-paper-closed = Бюллетени подсчитываются с { $opens } до { $closes }.
prim-paper-count-after-results = Итоги окончательные: онлайн-голоса уже расшифрованы доверенными лицами. Подсчёт бюллетеней вносится до этого.
prim-paper-count-twice = Эта первичная организация уже внесла подсчёт.
prim-paper-count-shape = В подсчёте каждый допущенный участник позиции указан один раз.
prim-paper-counts-above-issued = Голосов больше, чем выдано бюллетеней ({ NUMBER($issued) }).
prim-paper-ballot-refused = Этому члену партии нельзя выдать бюллетень.
prim-position-without-contenders = На эту позицию не допущен ни один участник: бюллетень нельзя утвердить.
prim-ballot-invalid = Такой бюллетень не допускает протокол проверяемого голосования (слишком много позиций или участников).
action-fix-ballot = утверждение бюллетеня праймериз
ledger-did-fix-ballot = { $actor } утвердил(а) бюллетень онлайн-голосования праймериз.
prim-ballot = Бюллетень онлайн-голосования
prim-ballot-not-fixed = Бюллетень ещё не утверждён.
prim-ballot-fixed-hash = Бюллетень утверждён; отпечаток его состава (хеш манифеста): { $hash }.
prim-ballot-fix = Утвердить бюллетень
prim-ballot-fix-confirm = Подтверждаю утверждение бюллетеня; после утверждения он не меняется.
prim-ballot-fix-hint = В утверждённый бюллетень входят допущенные участники; после утверждения допуск, снятие кандидатур и исключение невозможны, а доверенные лица проводят церемонию ключей для этого бюллетеня.
prim-apply = Подать заявку на участие
prim-apply-hint = Возраст и принадлежность к молодёжи определяются по дате рождения из вашей учётной карточки члена партии; имя и дата рождения не публикуются в журнале изменений.
prim-apply-submit = Подать заявку
prim-residence-years = Сколько лет вы проживаете на территории
prim-declare-no-record = Заявляю, что не имею судимости
prim-paper-form = Подсчёт бюллетеней первичной организации
prim-paper-organization = Первичная организация
prim-paper-issued = Выдано бюллетеней
prim-paper-submit = Внести подсчёт
prim-debate-schedule = Назначить дебаты
prim-when-hint = Местное время: ДД.ММ.ГГГГ ЧЧ:ММ, например 16.09.2025 11:00.
prim-when-format = Укажите дату и время в виде ДД.ММ.ГГГГ ЧЧ:ММ.
prim-attendance-hint = Участники без отметки считаются не явившимися; по правилам праймериз неявка на обязательные дебаты ведёт к исключению.
prim-attendance-submit = Отметить участие
prim-decide-admit = Допустить
prim-decide-refuse = Отказать в допуске
prim-required-refusal = обязательно при отказе
prim-marks = Отметки
prim-list-note = Примечание
prim-online-pending = не расшифровано
prim-zone = Время местное ({ $offset }).
prim-list-provisional = Предварительно.
prim-title = Праймериз
prim-none = Праймериз пока не объявлялись.
prim-party = Партия
prim-territory = Территория
prim-windows = Сроки
prim-window-registration = Регистрация участников
prim-window-debates = Дебаты
prim-window-online = Онлайн-голосование
prim-window-paper = Голосование бюллетенями в первичных организациях
prim-window-state-before = впереди
prim-window-state-open = сейчас
prim-window-state-after = позади
prim-positions = Позиции
prim-position-field = Позиция
prim-position-akim = кандидатура на должность акима
prim-position-list =
    список на { NUMBER($seats) } { NUMBER($seats) ->
        [one] место
        [few] места
       *[other] мест
    }
prim-contenders = Участники
prim-no-contenders = Участников пока нет.
prim-contender = Участник
prim-name-erased = (персональные данные удалены)
prim-status = Статус
prim-status-applied = { $gender ->
    [female] заявка подана
   *[other] заявка подана
}
prim-status-admitted = { $gender ->
    [female] допущена
   *[other] допущен
}
prim-status-refused = { $gender ->
    [female] в допуске отказано
   *[other] в допуске отказано
}
prim-status-withdrawn = { $gender ->
    [female] снялась
   *[other] снялся
}
prim-status-excluded = { $gender ->
    [female] исключена за неявку на обязательные дебаты
   *[other] исключён за неявку на обязательные дебаты
}
prim-route = Выдвижение
prim-route-self = самовыдвижение
prim-route-organization = первичная организация
prim-woman = женщина
prim-young =
    до { NUMBER($age) } { NUMBER($age) ->
        [one] года
       *[other] лет
    }
prim-ground = Основание отказа
prim-debates = Дебаты
prim-no-debates = Дебаты пока не назначены.
prim-no-debates-held = Дебатов по этой позиции не проводилось.
prim-debate-when = Начало
prim-debate-topic = Тема
prim-debate-place = Место
prim-debate-stream = Трансляция
prim-debate-recording = Запись
prim-debate-present = Участвовали
prim-debate-absent = Не явились
prim-paper = Голосование бюллетенями
prim-paper-summary = Первичных организаций, внёсших подсчёт: { NUMBER($organizations) }; выдано бюллетеней: { NUMBER($issued) }.
prim-ratings = Рейтинги
prim-ratings-note = Предварительно: онлайн-голоса ещё не расшифрованы доверенными лицами; рейтинги и список показывают только голоса, поданные бюллетенями.
prim-rating-overall = Общий рейтинг
prim-rating-women = Рейтинг женщин
prim-rating-young = Рейтинг молодёжи
prim-rank = Место
prim-votes = Голоса
prim-votes-online = онлайн
prim-votes-paper = бюллетенями
prim-list = Список с учётом квот
prim-list-quotas = Квоты: женщин не меньше { NUMBER($women) } из { NUMBER($seats) }, молодёжи не меньше { NUMBER($young) } из { NUMBER($seats) }.
prim-list-met = Квоты выполнены: женщин { NUMBER($women) }, молодёжи { NUMBER($young) }.
prim-list-unmet = Участники не позволяют выполнить квоты: женщин { NUMBER($women) }, молодёжи { NUMBER($young) }.
prim-list-moved-in = { $gender ->
    [female] включена по квоте
   *[other] включён по квоте
}
prim-list-moved-out = { $gender ->
    [female] уступила место по квоте
   *[other] уступил место по квоте
}
prim-link-open = открыть
prim-back = Все праймериз
action-open-campaign = объявление праймериз
action-register-contender = регистрацию участника праймериз
action-decide-contender = решение о допуске участника праймериз
action-withdraw-contender = снятие кандидатуры участника праймериз
action-schedule-debate = назначение дебатов
action-record-debate = отметку участия в дебатах
action-record-paper-count = внесение подсчёта бюллетеней праймериз
ledger-did-open-campaign = { $actor } объявил(а) праймериз «{ $title }».
ledger-did-register-contender = { $actor } зарегистрировал(а) участника праймериз.
ledger-did-admit-contender = { $actor } допустил(а) участника к праймериз.
ledger-did-refuse-contender = { $actor } отказал(а) участнику праймериз в допуске: «{ $ground }».
ledger-did-withdraw-contender = { $actor } снял(а) участника праймериз.
ledger-did-schedule-debate = { $actor } назначил(а) дебаты «{ $title }».
ledger-did-record-debate = { $actor } отметил(а) участие в дебатах.
ledger-did-record-paper-count = { $actor } внёс(ла) подсчёт бюллетеней первичной организации «{ $branch }» (выдано бюллетеней: { NUMBER($count) }).

## i14-online: проверяемое онлайн-голосование праймериз
prim-not-your-trustee = Вы не являетесь доверенным лицом с этим номером в этой кампании.
prim-ceremony-step-twice = Это доверенное лицо уже опубликовало этот файл.
prim-ceremony-not-ready = Сначала все доверенные лица должны завершить предыдущий этап церемонии ключей.
prim-ceremony-aborted = Жалоба прервала церемонию ключей: файлы не принимаются, пока организационный комитет не начнёт её заново.
prim-ceremony-not-aborted = Церемонию ключей начинают заново только после того, как её прервала жалоба.
prim-trustee-count-fixed =
    Для новой церемонии { NUMBER($count) ->
        [one] нужно { NUMBER($count) } доверенное лицо
        [few] нужны { NUMBER($count) } доверенных лица
       *[other] нужны { NUMBER($count) } доверенных лиц
    } — столько же, сколько в утверждённом бюллетене.
prim-ceremony-key-reused = Это объявление повторяет объявление прерванной церемонии: создайте новые секреты программой доверенного лица.
prim-file-refused = Файл отклонён: протокол проверяемого голосования не принимает его (доказательство, подпись или ключ не сходятся).
prim-credentials-twice = Учётные данные для голосования уже опубликованы.
prim-credentials-file = Файл открытых учётных данных отклонён: строка { NUMBER($line) } не соответствует формату или порядку.
prim-voting-started = Онлайн-голосование уже началось.
prim-voting-over = Онлайн-голосование уже завершено.
prim-voting-closed = Бюллетени принимаются с { $opens } по { $closes }, пока ящик не закрыт.
prim-key-not-published = Доверенные лица ещё не опубликовали общий ключ: голосование не начато.
prim-credentials-not-published = Учётные данные для голосования ещё не опубликованы.
prim-ballot-replay = Этот бюллетень уже есть на доске или был проверен: зашифруйте новый.
prim-ballot-refused = Бюллетень отклонён: доказательство, подпись или форма не сходятся.
prim-credential-unknown = Такого кода для голосования нет в опубликованном списке: проверьте код.
prim-not-voter = Вы не состоите в партии на территории этой кампании.
prim-paper-ballot-taken = Вы получили бумажный бюллетень и не можете голосовать онлайн.
prim-voting-not-over = Онлайн-голосование ещё не завершено.
prim-already-tallied = Ящик для голосования уже закрыт, голоса подсчитаны.
prim-tally-stale = Доска изменилась: подсчитайте заново.
prim-not-tallied = Голоса из ящика для голосования ещё не подсчитаны.
prim-results-published = Итоги уже опубликованы.
prim-shares-too-few =
    Для расшифровки нужны доли { NUMBER($count) } { NUMBER($count) ->
        [one] доверенного лица
       *[other] доверенных лиц
    }.
command-publish-ceremony-file = Файл церемонии ключей
command-restart-ceremony = Повторная церемония ключей
command-publish-credentials = Публикация учётных данных для голосования
command-submit-ballot = Бюллетень онлайн-голосования
command-tally-board = Подсчёт онлайн-голосов
command-publish-decryption-share = Доля расшифровки
command-publish-results = Публикация итогов онлайн-голосования
command-issue-paper-ballot = Выдача бумажного бюллетеня
action-publish-ceremony-file = публикацию файла церемонии ключей
action-restart-ceremony = повторное проведение церемонии ключей
action-publish-credentials = публикацию учётных данных для голосования
action-submit-ballot = приём бюллетеня
action-tally-board = подсчёт онлайн-голосов
action-publish-decryption-share = публикацию доли расшифровки
action-publish-results = публикацию итогов онлайн-голосования
action-issue-paper-ballot = выдачу бумажного бюллетеня
ledger-actor-voter = голосующий (анонимно)
ledger-did-publish-ceremony-file = { $actor } опубликовал(а) файл доверенного лица № { NUMBER($index) } (этап { NUMBER($number) } из 3).
ledger-did-publish-complaints = { $actor } опубликовал(а) жалобы доверенного лица № { NUMBER($index) } на полученные доли ({ NUMBER($count) }): церемония ключей прервана.
ledger-did-restart-ceremony = { $actor } начал(а) церемонию ключей заново после жалобы; доверенные лица: { $names }.
ledger-did-publish-credentials = { $actor } опубликовал(а) открытые учётные данные для голосования (кодов: { NUMBER($count) }).
ledger-did-submit-ballot = { $actor } опустил(а) бюллетень { $code }.
ledger-did-challenge-ballot = { $actor } проверил(а) бюллетень { $code }; он опубликован с раскрытием и не учитывается.
ledger-did-tally-board =
    { $actor } закрыл(а) ящик и сложил(а) { NUMBER($count) } { NUMBER($count) ->
        [one] зашифрованный бюллетень
        [few] зашифрованных бюллетеня
       *[other] зашифрованных бюллетеней
    }.
ledger-did-publish-decryption-share = { $actor } опубликовал(а) долю расшифровки доверенного лица № { NUMBER($index) }.
ledger-did-publish-results =
    { $actor } опубликовал(а) итоги онлайн-голосования по { NUMBER($count) } { NUMBER($count) ->
        [one] бюллетеню
       *[other] бюллетеням
    }.
ledger-did-issue-paper-ballot = { $actor } выдал(а) бумажный бюллетень в организации «{ $branch }».
prim-online = Онлайн-голосование
prim-online-status = Ход голосования
prim-online-yes = да
prim-online-no = нет
prim-online-ballot-fixed = Бюллетень утверждён
prim-online-trustees = Доверенные лица
prim-online-trustees-value = { NUMBER($count) }, для расшифровки нужно { NUMBER($number) }
prim-online-round = Этап церемонии ключей
prim-online-round-1 = Этап 1: объявление ключей
prim-online-round-2 = Этап 2: раздача долей
prim-online-round-3 = Этап 3: подтверждение долей
prim-online-round-4 = Доли расшифровки
prim-online-roster = Список членов партии для писем
prim-online-roster-hint = Члены партии, имеющие право голосовать в этих праймериз, пронумерованные по номеру партийного билета. Выполните «sailau credentials generate» с числом кодов, равным числу строк списка: код № N вкладывается в запечатанное письмо члену партии из строки N. Список содержит персональные данные: после печати писем не храните его на компьютере сервера.
prim-online-roster-download = Скачать список (CSV)
prim-online-codes-mismatch = Внимание: коды и проголосовавшие расходятся
prim-online-codes-mismatch-value = Учтено кодов для голосования: { NUMBER($count) }, а проголосовавших онлайн членов партии — только { NUMBER($number) }: часть кодов использована с чужих учётных записей
prim-online-aborted = Прерванные церемонии ключей
prim-online-aborted-value = { $state ->
    [yes] текущая церемония прервана жалобой; ранее начиналась заново: { NUMBER($count) }
   *[no] прервано и проведено заново: { NUMBER($count) }
}
prim-online-complaints = Жалобы доверенных лиц
prim-online-complaints-hint = Доверенное лицо, чья доля от другого доверенного лица не прошла проверку, опубликовало жалобу, раскрывающую ключ этой доли, — проверить её может любой. Церемония прервана: ни один её ключ не будет использован. Организационный комитет начинает её заново, заменив отстранённое доверенное лицо, и все доверенные лица создают новые секреты.
prim-online-complainant = Жалоба доверенного лица
prim-online-dealer = На долю доверенного лица
prim-online-verdict = Решение
prim-online-disqualified = Отстраняется
prim-verdict-dealer-cheated = Доля не соответствует обязательствам раздавшего: раздавший нарушил протокол
prim-verdict-unfounded = Доля верна: жалоба необоснованна
prim-verdict-invalid = Доказательство жалобы не сходится: жалоба недействительна
prim-online-restart-hint = Доверенные лица новой церемонии по порядку, столько же, сколько в утверждённом бюллетене: замените отстранённое доверенное лицо другой учётной записью доверенного лица. Файлы прерванной церемонии остаются в журнале; в записи голосования будет только новая церемония.
prim-online-trustee-n = Доверенное лицо № { NUMBER($index) } (учётная запись)
prim-online-restart = Начать церемонию заново
prim-online-key = Общий ключ опубликован
prim-online-credentials = Открытые учётные данные
prim-online-board = Доска бюллетеней
prim-online-board-value = Опущено бюллетеней: { NUMBER($count) }, из них учитываются: { NUMBER($number) }; проверено бюллетеней: { NUMBER($index) }
prim-online-participation = Реестр участия
prim-online-participation-value = Проголосовали онлайн: { NUMBER($count) }; получили бумажный бюллетень: { NUMBER($number) }
prim-online-tallied = Ящик закрыт, голоса подсчитаны
prim-online-decrypted = Итоги расшифрованы
prim-online-joint-key = Общий открытый ключ
prim-online-election-hash = Хеш выборов
prim-online-head = Последний код отслеживания
prim-online-record = Скачать запись голосования (ZIP-архив)
prim-online-record-hint = Распакуйте архив и выполните «sailau verify record»: каждая проверка пересчитывается независимо.
prim-online-ceremony = Церемония ключей
prim-online-ceremony-hint = Выполните на своём компьютере «sailau trustee keygen», затем «share», затем «finalize» и загрузите открытый файл каждого этапа; на этапе 3 это подтверждённый ключ или, если полученная доля не прошла проверку, файл жалоб. Секретный файл никуда не загружайте.
prim-online-you-are-trustee = Вы — доверенное лицо № { NUMBER($index) }.
prim-online-trustee-number = Номер доверенного лица
prim-online-file = Файл
prim-online-file-hint = Файл trustee-N.json, dealt-N.json или finalized-N.json из записи голосования.
prim-online-file-too-large = Файл слишком большой.
prim-online-upload = Загрузить
prim-online-round-required = Выберите этап церемонии.
prim-online-credentials-upload = Публикация учётных данных
prim-online-credentials-hint = Создайте коды командой «sailau credentials generate», передайте каждому члену партии его код отдельно от входа в систему и загрузите файл credentials.jsonl с открытыми данными. Коды не хранятся в системе.
prim-online-paper-hint = Бумажный бюллетень выдаётся члену партии, который не голосовал онлайн; отметка ставится в реестре участия.
prim-online-card = Номер партийного билета
prim-online-card-unknown = Члена партии с таким номером билета нет.
prim-online-organization-required = Выберите первичную организацию.
prim-online-issue = Выдать бюллетень
prim-online-tally = Закрыть ящик и подсчитать
prim-online-tally-hint = Система складывает последние бюллетени голосующих, не расшифровывая их; затем доверенные лица загружают доли расшифровки.
prim-online-share-hint = Выполните «sailau trustee decrypt» на своём компьютере и загрузите файл share-N.json.
prim-online-results-hint = Итоги собираются из долей расшифровки и перед публикацией сверяются с подсчётом; затем в рейтингах складываются онлайн-голоса и голоса, поданные бюллетенями.
prim-online-publish = Опубликовать итоги
prim-vote = Голосовать
prim-vote-sign-in = Войдите в систему как член партии, чтобы голосовать.
prim-vote-intro = Бюллетень шифруется на вашем устройстве: сервер не видит, за кого вы голосуете. Можно проголосовать повторно — учитывается последний бюллетень.
prim-vote-code = Код для голосования
prim-vote-code-hint = Код из письма, выданного отдельно от входа: восемь групп по четыре знака.
prim-vote-choose-one = Отметьте одного участника.
prim-vote-choose-up-to =
    Отметьте от одного до { NUMBER($count) } { NUMBER($count) ->
        [one] участника
       *[other] участников
    }.
prim-vote-encrypt = Зашифровать бюллетень
prim-vote-fingerprint = Отпечаток бюллетеня
prim-vote-fingerprint-hint = Запишите первые 16 знаков отпечатка. Опустите бюллетень или проверьте его: проверенный бюллетень раскрывается и не учитывается, на доске его находят по этим знакам; после него зашифруйте новый.
prim-vote-cast = Опустить бюллетень
prim-vote-challenge = Проверить шифрование
prim-vote-cast-done = Бюллетень принят
prim-vote-tracking = Ваш код отслеживания — найдите его на доске бюллетеней:
prim-vote-find = Найти на доске
prim-vote-again = Если вас вынудили проголосовать, проголосуйте ещё раз позже: учитывается последний бюллетень.
prim-vote-challenged-done = Бюллетень проверен и не учитывается
prim-vote-challenged-hint = Его шифрование опубликовано вместе с раскрытием; на странице проверки видно, какой выбор он содержит. Чтобы проголосовать, зашифруйте бюллетень заново.
prim-vote-verify = Открыть страницу проверки
prim-vote-noscript = Бюллетень шифруется на вашем устройстве, поэтому для голосования нужен JavaScript. Без него можно проголосовать командой «sailau vote».
prim-vote-error-bad-credential = Код набран с ошибкой: проверьте знаки.
prim-vote-error-wrong-credential = Этот код не подходит к этому голосованию.
prim-vote-error-over-vote = Отмечено больше участников, чем можно.
prim-vote-error-under-vote = Отметьте участника.
prim-vote-error-unknown-choice = В бюллетене нет такого участника.
prim-vote-error-network = Нет связи с сервером: бюллетень не отправлен.
prim-vote-error-generic = Не удалось подготовить бюллетень.
prim-board = Доска бюллетеней
prim-board-intro = Здесь опубликованы все зашифрованные бюллетени по порядку, с кодами отслеживания; по ним нельзя узнать, кто как голосовал.
prim-board-lookup = Найти свой бюллетень
prim-board-code = Код отслеживания или отпечаток
prim-board-code-hint = Первые 16 знаков (можно с дефисами) кода отслеживания опущенного бюллетеня или отпечатка проверенного, либо весь код.
prim-board-code-format = Код отслеживания или отпечаток — не меньше 16 шестнадцатеричных знаков.
prim-board-find = Найти
prim-board-found = Бюллетень № { NUMBER($number) } на доске.
prim-board-found-challenged = Проверенный бюллетень № { NUMBER($number) }: раскрыт и не учитывается.
prim-board-not-found = Бюллетеня с таким кодом на доске нет.
prim-board-cast = Опущенный бюллетень
prim-board-challenged = Проверенные бюллетени
prim-board-challenged-hint = Бюллетени, шифрование которых проверили голосующие: они раскрыты и не учитываются.
prim-board-empty = Пока нет.
prim-board-more = Следующие
prim-board-tracking = Код отслеживания
prim-board-hash = Отпечаток
prim-board-credential = Открытые учётные данные
prim-ballot-opening = Раскрытие
prim-ballot-opening-holds = Раскрытие сходится с шифрованием: бюллетень содержит этот выбор.
prim-ballot-opening-fails = Раскрытие не сходится с шифрованием: устройство зашифровало не тот выбор.
prim-ballot-json = Бюллетень в формате записи
prim-ratings-final = Итоги: онлайн-голоса расшифрованы доверенными лицами и сложены с голосами, поданными бюллетенями.
prim-vote-error-empty-code = Введите код для голосования.
prim-vote-error-signed-out = Сеанс завершён: войдите снова и повторите.
prim-file-unreadable = Файл не читается: это не файл этого этапа в формате записи голосования.
prim-submission-unreadable = Бюллетень не читается: это не бюллетень в формате записи голосования.
prim-not-in-organization = Этот член партии не состоит в выбранной первичной организации.
prim-paper-issue-closed = Бумажные бюллетени выдаются с { $opens } по { $closes }.
prim-instant-format = Укажите дату и время со смещением часового пояса, например 2020-10-01T00:00:00+06:00.
prim-preset-unknown = Таких правил праймериз в sailau нет.
prim-preset-and-rules = Выберите готовый набор правил или приложите собственные правила партии, но не то и другое вместе.
prim-online-card-required = Введите номер партийного билета.
prim-board-cast-list = Опущенные бюллетени
prim-ballot-kind-cast = Опущенный бюллетень
prim-ballot-kind-challenged = Проверенный бюллетень
prim-online-record-hint-open = Пока голосование не подсчитано, распакуйте архив и выполните «sailau verify --incomplete record»: проверяются церемония, учётные данные и каждый бюллетень на доске.
prim-vote-over = Онлайн-голосование завершено { $closes }.
prim-vote-sign-in-link = Войти
prim-ballot-superseded = После него с тем же кодом опущен другой бюллетень: этот не учитывается, учитывается последний.

# i14: opening a primaries campaign
prim-open-link = Объявить праймериз
prim-open-title = Объявление праймериз
prim-open-lead = Оргкомитет задаёт позиции, сроки по местному времени территории, доверенных лиц церемонии ключей и правила партии. Всё записывается в журнал изменений в неизменном виде.
prim-open-party = Партия
prim-open-territory = Территория филиала (код КАТО)
prim-open-territory-hint = Филиал оргкомитета: единицы позиций акимов должны находиться на его территории.
prim-open-title-ru = Название на русском языке
prim-open-title-kk = Название на казахском языке
prim-open-title-en = Название на английском языке
prim-open-positions = Позиции
prim-open-positions-hint = Заполните по строке на позицию; пустые строки не учитываются. Кампанию с большим числом позиций объявляют через API.
prim-open-position-n = Позиция { NUMBER($number, useGrouping: "false") }
prim-open-pos-kind = Вид позиции
prim-open-pos-unit = Единица (код КАТО)
prim-open-pos-seats = Мест в списке
prim-open-pos-key = Ключ
prim-open-pos-key-hint = Строчные латинские буквы, цифры и дефисы; если оставить пустым, составляется из единицы или номера строки.
prim-open-pos-name-ru = Название на русском языке
prim-open-pos-name-kk = Название на казахском языке
prim-open-pos-name-en = Название на английском языке
prim-open-kind-akim = Кандидат в акимы единицы
prim-open-kind-list = Список (число мест)
prim-open-windows = Сроки
prim-open-windows-hint = Местное время территории. Регистрация, затем дебаты, затем онлайн-голосование; голосование бюллетенями — в пределах онлайн-голосования.
prim-open-opens = Начало
prim-open-closes = Окончание
prim-open-registration-opens = Начало регистрации
prim-open-registration-closes = Окончание регистрации
prim-open-debates-opens = Начало дебатов
prim-open-debates-closes = Окончание дебатов
prim-open-online-opens = Начало онлайн-голосования
prim-open-online-closes = Окончание онлайн-голосования
prim-open-paper-opens = Начало голосования бюллетенями
prim-open-paper-closes = Окончание голосования бюллетенями
prim-open-trustees = Доверенные лица церемонии ключей
prim-open-trustees-hint = Учётные записи с ролью доверенного лица; каждое проводит церемонию на своём компьютере.
prim-open-no-trustees = Учётных записей с ролью доверенного лица пока нет: сначала их создаёт администратор.
prim-open-threshold = Доверенных лиц для расшифровки
prim-open-threshold-hint = От 1 до числа выбранных доверенных лиц.
prim-open-ruleset = Правила праймериз
prim-open-rules = Собственные правила партии (TOML)
prim-open-rules-hint = Если заполнено, заменяет выбранные выше правила.
prim-open-rules-template = Собственные правила удобно составить на основе готового набора:
prim-open-submit = Объявить праймериз
prim-preset-amanat-primaries-2020 = AMANAT («Нур Отан»), праймериз 2020 года
prim-withdraw-title = Снятие кандидатуры
prim-withdraw-hint = Пока бюллетень не утверждён (не позднее начала онлайн-голосования), участник может снять свою кандидатуру (или оргкомитет фиксирует снятие). Отменить снятие нельзя.
prim-withdraw-submit = Снять кандидатуру
prim-withdraw-confirm = Подтверждаю снятие кандидатуры; отменить его нельзя.
prim-nominate = Выдвижение первичной организацией
prim-nominate-card = Номер партийного билета члена партии
prim-nominate-card-hint = Выдвигаемый член партии — по его партийному билету.
prim-nominate-organization = Первичная организация
prim-nominate-declared = Член партии заявил об отсутствии судимости
prim-nominate-hint = Возраст и принадлежность к молодёжи определяются по дате рождения из учётной карточки члена партии; имена и даты рождения не публикуются в журнале изменений.
prim-nominate-submit = Выдвинуть
prim-registration-not-over = Бюллетень утверждается после окончания регистрации ({ $closes }): до тех пор ещё можно подавать заявки.
prim-open-when-akim = для позиции акима
prim-open-when-list = для списка
prim-nominate-residence = Сколько лет член партии проживает на территории

# Titles of the API's problem documents (RFC 9457), by the problem's slug.
problem-title-invalid = Данные не прошли проверку
problem-title-bad-request = Запрос составлен неверно
problem-title-unsupported-media-type = Неподдерживаемый тип данных
problem-title-payload-too-large = Тело запроса слишком велико
problem-title-unauthorized = Требуется вход в систему
problem-title-bad-credentials = Неверное имя пользователя или пароль
problem-title-forbidden = Действие не разрешено
problem-title-csrf-token = Ключ защиты формы отсутствует или неверен
problem-title-not-found = Не найдено
problem-title-unknown-endpoint = Такого адреса программного интерфейса нет
problem-title-method-not-allowed = Метод запроса не поддерживается
problem-title-throttled = Слишком много попыток
problem-title-internal = Внутренняя ошибка сервера
problem-title-unavailable = Сервис временно недоступен
problem-detail-unsupported-media-type = Отправьте тело запроса в формате, который принимает этот адрес: JSON с заголовком Content-Type: application/json; импорт принимает файл CSV или книгу XLSX.
problem-detail-payload-too-large = Тело запроса больше, чем принимает этот адрес.
problem-detail-unknown-endpoint = Адреса { $path } в программном интерфейсе нет; список адресов — в /api/openapi.json.
problem-detail-bad-credentials = Неверное имя пользователя или пароль (что именно — не сообщается, чтобы никто не мог узнать, у кого есть учётная запись).
problem-detail-throttled = Слишком много неудачных попыток входа; повторите через { NUMBER($seconds) } с.
problem-detail-internal = На сервере произошёл сбой; причина записана в журнал под номером { $reference }.
problem-detail-unavailable = База данных не отвечает; повторите попытку позже.
# The API's wording of a rule where it differs from the pages' (a page shows the message beside
# the field's label; a problem document names the field itself).
problem-message-field-required = В поле «{ $field }» нужно указать значение.
# A key given twice in a JSON body.
duplicate-field = Поле «{ $field }» указано в запросе несколько раз.
# Malformed path and query parameters of the API, by the rule of the 400 answer.
id-format = Параметр «{ $field }» — UUID: группы из 8, 4, 4, 4 и 12 шестнадцатеричных цифр через дефис.
person-id-format = Параметр «{ $field }» — идентификатор лица: UUID, группы из 8, 4, 4, 4 и 12 шестнадцатеричных цифр через дефис.
lang = Параметр «{ $field }» — язык документа: { $allowed }.
limit-out-of-range = Параметр «{ $field }» — целое число от 1 до { NUMBER($max) }.
whole-number-range = Параметр «{ $field }» — целое число от 0 до { NUMBER($max) }.
range-invalid = Параметр «{ $field }» — целое число не меньше 1.
tracking-code-format = Параметр «{ $field }» — код отслеживания (не менее 16 шестнадцатеричных цифр, дефисы допускаются) или отпечаток бюллетеня.
board-kind = Параметр «{ $field }» принимает одно из значений: { $allowed }.
page-range = Параметр «from» — целое число не меньше 1, а «{ $field }» — от 1 до { NUMBER($max) }.
trustee-number = Параметр «{ $field }» — номер доверенного лица от 1 до { NUMBER($max) }.
ceremony-round = Параметр «{ $field }» — этап церемонии ключей: 1 (объявление ключей), 2 (раздача долей) или 3 (подтверждение долей или жалобы).
import-kind-unknown = Параметр «{ $field }» — вид импорта, одно из значений: { $allowed }.
# The detail of a 404 answer of the API, by what does not exist (the id as given).
problem-not-found-territory = Территория { $id } не найдена.
problem-not-found-precinct = Избирательный участок { $id } не найден.
problem-not-found-party = Партия «{ $id }» не найдена.
problem-not-found-person = Лицо с идентификатором { $id } не найдено.
problem-not-found-account = Учётная запись «{ $id }» не найдена.
problem-not-found-election = Выборы с идентификатором { $id } не найдены.
problem-not-found-campaign = Праймериз с идентификатором { $id } не найдены.
problem-not-found-contender = Участник праймериз с идентификатором { $id } не найден.
problem-not-found-debate = Дебаты с идентификатором { $id } не найдены.
problem-not-found-meeting = Собрание первичной партийной организации с идентификатором { $id } не найдено.
problem-not-found-fixed-ballot = Бюллетень праймериз с идентификатором { $id } ещё не утверждён.
problem-not-found-ballot-with-code = На доске бюллетеней нет бюллетеня с кодом { $id }.
problem-not-found-contest-in-region = У этих выборов нет избирательного округа в регионе { $id }.
problem-not-found-contest = Избирательный округ с идентификатором { $id } не найден.
problem-not-found-nomination = Выдвижение с идентификатором { $id } не найдено.
problem-not-found-attachment = Файл с хешем SHA-256 { $id } не найден.
problem-not-found-conference = Конференция с идентификатором { $id } не найдена.
problem-not-found-member = Член партии с идентификатором { $id } не найден.
problem-not-found-branch = Филиал партии { $id } не найден.
problem-not-found-ledger-entry = В журнале нет записи { $id }.
problem-not-found-record = Запрошенная запись не найдена.
